package org.onestop.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A citizen's appointment as they see it.
 *
 * @param status one of {@link Status}'s names, as the {@code appointment} row holds it
 * @param bookedByName the representative who booked it for the citizen (issue 15); null
 * when the citizen booked it themselves
 */
public record BookedAppointment(UUID id, String bookingCode, String hall, String group, String serviceCode,
		LocalDate day, Instant start, Instant end, String status, UUID applicationId, String bookedByName) {

	/**
	 * The message key that names the status: pages show this, never the status or a key
	 * made from anything else.
	 */
	public String statusKey() {
		return Status.valueOf(status).key();
	}

	/** Where an appointment stands (the table's check constraint lists the same). */
	public enum Status {

		BOOKED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW;

		/** The message key of this status's name, in every language. */
		public String key() {
			return "appointment.page.status." + name();
		}

	}
}
