package org.onestop.appointment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.booking.Booking;
import org.onestop.appointment.booking.Visits;
import org.springframework.stereotype.Service;

/**
 * What the hall does with appointments: check one in (by booking code or ID number),
 * complete it, or mark it a no-show — three no-shows in 90 days suspend online booking
 * for 30 days (walk-in tickets stay open).
 */
@Service
public class Appointments {

	private final Visits visits;

	private final Booking booking;

	Appointments(Visits visits, Booking booking) {
		this.visits = visits;
		this.booking = booking;
	}

	/**
	 * Checks in today's booked appointment at this hall, found by booking code, or else
	 * by ID number (and matter, when given). Nothing when there is none; a second
	 * check-in finds nothing (the status moved on).
	 */
	public Optional<CheckedIn> checkIn(String hall, String bookingCode, String idNumber, String serviceCode) {
		return checkIn(hall, bookingCode, idNumber, serviceCode, null);
	}

	/**
	 * As above; with {@code idSuffix}, a booking code checks in only when the holder's ID
	 * number ends so (an unattended kiosk asks for both, as appointments belong to a
	 * named person).
	 */
	public Optional<CheckedIn> checkIn(String hall, String bookingCode, String idNumber, String serviceCode,
			String idSuffix) {
		return visits.checkIn(hall, bookingCode, idNumber, serviceCode, idSuffix);
	}

	/**
	 * The appointment this booking code already checked in today at the hall (with
	 * {@code idSuffix}, only when the holder's ID number ends so): a second tap at the
	 * kiosk finds the ticket of the first instead of "not found".
	 */
	public Optional<UUID> checkedInToday(String hall, String bookingCode, String idSuffix) {
		return visits.checkedInToday(hall, bookingCode, idSuffix);
	}

	/** The first day with an online place left for the group. */
	public Optional<LocalDate> nextFreeDate(String hall, String group) {
		return booking.nextFreeDate(hall, group);
	}

	/**
	 * The first day with an online place left in any group of the hall, for the hall
	 * board.
	 */
	public Optional<LocalDate> nextFreeDate(String hall) {
		return booking.nextFreeDate(hall);
	}

	/**
	 * A citizen's appointments still to come, soonest first: what the assistant answers
	 * "when is my appointment?" with, and what a hotline agent sees of the citizen they
	 * talk to.
	 */
	public List<BookedAppointment> upcomingOf(String citizen) {
		return booking.upcoming(citizen);
	}

	/** The citizen was served. */
	public void complete(UUID appointment) {
		visits.complete(appointment);
	}

	/** The citizen did not come, or did not answer when called. */
	public void markNoShow(UUID appointment) {
		visits.markNoShow(appointment);
	}

}
