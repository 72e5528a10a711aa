package org.onestop.appointment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.booking.Slot;

/** What the booking pages show (public because the compiled templates read it). */
public final class AppointmentPages {

	private AppointmentPages() {
	}

	/** A hall that handles the matter. */
	public record HallChoice(String code, String name, String group) {
	}

	/** A day in the booking window and the places left online that day. */
	public record DayChoice(LocalDate day, int remaining, boolean open) {

		static DayChoice of(LocalDate day, List<Slot> slots) {
			return new DayChoice(day, slots.stream().mapToInt(Slot::remaining).sum(), !slots.isEmpty());
		}
	}

	public record BookPage(String serviceCode, List<HallChoice> halls, String hall, String hallName, String groupName,
			List<DayChoice> days, LocalDate day, List<Slot> slots, UUID reschedule, String error) {

		/**
		 * No hall chosen yet (or one that does not handle the matter): the halls to
		 * choose from.
		 */
		static BookPage choosingHall(String serviceCode, List<HallChoice> halls, UUID reschedule, String error) {
			return new BookPage(serviceCode, halls, null, null, null, List.of(), null, List.of(), reschedule, error);
		}

		/** A hall chosen: its days, and the times of the chosen day, if any. */
		static BookPage choosingTime(String serviceCode, List<HallChoice> halls, HallChoice hall, List<DayChoice> days,
				LocalDate day, List<Slot> slots, UUID reschedule, String error) {
			return new BookPage(serviceCode, halls, hall.code(), hall.name(), hall.group(), days, day, slots,
					reschedule, error);
		}
	}

	/**
	 * The citizen's appointments; {@code now} is when the page was made, by the
	 * application's clock.
	 */
	public record MinePage(List<BookedAppointment> appointments, boolean suspended, String banner, String appealError,
			Instant now, java.util.Map<String, org.onestop.shared.LocalizedText> places) {

		/**
		 * Where the appointment is, by name: the hall, and the group of counters in it.
		 */
		public String place(BookedAppointment a, java.util.Locale locale) {
			var hall = places.get(a.hall());
			var group = places.get(a.hall() + "/" + a.group());
			return (hall == null ? "" : hall.in(locale)) + (group == null ? "" : " · " + group.in(locale));
		}

		/**
		 * The matter the appointment is for, by name (empty when the catalog has none).
		 */
		public String matter(BookedAppointment a, java.util.Locale locale) {
			var name = places.get("matter:" + a.serviceCode());
			return name == null ? "" : name.in(locale);
		}

		static MinePage withBanner(List<BookedAppointment> appointments, boolean suspended, String banner,
				Instant now) {
			return new MinePage(appointments, suspended, banner, null, now, java.util.Map.of());
		}

		static MinePage appealRefused(List<BookedAppointment> appointments, boolean suspended, String appealError,
				Instant now) {
			return new MinePage(appointments, suspended, null, appealError, now, java.util.Map.of());
		}

		/**
		 * Whether the citizen may still cancel or move the appointment: booked, and not
		 * yet begun.
		 */
		public boolean changeable(BookedAppointment appointment) {
			return "BOOKED".equals(appointment.status()) && appointment.start().isAfter(now);
		}
	}

}
