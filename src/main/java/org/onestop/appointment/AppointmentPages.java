package org.onestop.appointment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the booking pages show (public because the compiled templates read it). */
public final class AppointmentPages {

	private AppointmentPages() {
	}

	/** A hall that handles the matter. */
	public record HallChoice(String code, String name, String group) {
	}

	/** A day in the booking window and the places left online that day. */
	public record DayChoice(LocalDate day, int remaining, boolean open) {
	}

	public record BookPage(String serviceCode, List<HallChoice> halls, String hall, String hallName, String groupName,
			List<DayChoice> days, LocalDate day, List<Slot> slots, UUID reschedule, String error) {
	}

	public record MinePage(List<BookedAppointment> appointments, boolean suspended, String banner, String appealError) {
	}
}
