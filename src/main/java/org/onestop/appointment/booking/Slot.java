package org.onestop.appointment.booking;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bookable time slot of a hall's matter group.
 *
 * @param remaining places left for online booking (the walk-in share is never among them)
 */
public record Slot(long id, String hall, String group, LocalDate day, Instant start, Instant end, int capacity,
		int onlineCapacity, int booked) {

	public int remaining() {
		return Math.max(0, onlineCapacity - booked);
	}
}
