package org.onestop.appointment.booking;

import java.util.List;

import org.onestop.appointment.BookedAppointment;
import org.onestop.platform.ConflictException;

/**
 * What a booking attempt came to: the appointment, or the reason it was refused (a
 * message key and its arguments). In a flash crowd almost every attempt is refused, so a
 * refusal is an ordinary answer here, not an exception: the API turns it into a problem
 * body made once per reason and language.
 */
public record BookingOutcome(BookedAppointment appointment, String refusal, List<Object> args) {

	static BookingOutcome booked(BookedAppointment appointment) {
		return new BookingOutcome(appointment, null, List.of());
	}

	static BookingOutcome refused(String refusal, Object... args) {
		return new BookingOutcome(null, refusal, List.of(args));
	}

	public boolean refused() {
		return refusal != null;
	}

	/** The appointment, or the refusal as the 409 every other caller expects. */
	public BookedAppointment orThrow() {
		if (refused()) {
			throw new ConflictException(refusal, args.toArray());
		}
		return appointment;
	}

}
