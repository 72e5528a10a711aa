package org.onestop.appointment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.onestop.platform.PlatformProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the hall does with appointments: check one in (by booking code or ID number), complete it, or mark it
 * a no-show — three no-shows in 90 days suspend online booking for 30 days (walk-in tickets stay open).
 */
@Service
public class Appointments {


	private final JdbcClient db;
	private final Booking booking;
	private final Halls halls;
	private final NoShows noShows;
	private final Clock clock;
	private final java.time.ZoneId zone;

	Appointments(JdbcClient db, Booking booking, Halls halls, NoShows noShows, Clock clock, PlatformProperties properties) {
		this.db = db;
		this.booking = booking;
		this.halls = halls;
		this.noShows = noShows;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/**
	 * Checks in today's booked appointment at this hall, found by booking code, or else by ID number (and
	 * matter, when given). Nothing when there is none; a second check-in finds nothing (the status moved on).
	 */
	@Transactional
	public Optional<CheckedIn> checkIn(String hall, String bookingCode, String idNumber, String serviceCode) {
		return checkIn(hall, bookingCode, idNumber, serviceCode, null);
	}

	/**
	 * As above; with {@code idSuffix}, a booking code checks in only when the holder's ID number ends so (an
	 * unattended kiosk asks for both, as appointments belong to a named person).
	 */
	@Transactional
	public Optional<CheckedIn> checkIn(String hall, String bookingCode, String idNumber, String serviceCode,
			String idSuffix) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		String sql = """
				UPDATE appointment a SET status = 'CHECKED_IN', changed_at = :now
				FROM appointment_slot s
				WHERE a.id = (SELECT id FROM appointment WHERE hall = :hall AND day = :day AND status = 'BOOKED' AND %s
				              ORDER BY booked_at LIMIT 1 FOR UPDATE SKIP LOCKED)
				  AND s.id = a.slot_id
				RETURNING a.id, a.citizen, a.id_number, a.service_code, a.group_code, s.starts_at, s.ends_at, a.application_id""";
		String where;
		JdbcClient.StatementSpec spec;
		if (bookingCode != null && !bookingCode.isBlank()) {
			where = "booking_code = :code AND (:suffix::text IS NULL OR right(id_number, 4) = :suffix)";
			spec = db.sql(sql.formatted(where)).param("code", bookingCode.strip().toUpperCase())
				.param("suffix", idSuffix == null ? null : idSuffix.strip().toUpperCase());
		}
		else if (idNumber != null && !idNumber.isBlank()) {
			// By ID number, any of the person's appointments today in the same matter group (a kiosk asks for the
			// group, not the exact matter).
			String group = serviceCode == null || serviceCode.isBlank() ? null
					: halls.find(hall).flatMap(h -> h.groupOf(serviceCode.strip())).map(HallLayout.Group::code).orElse(null);
			where = "id_number = :idNumber AND (:group::text IS NULL OR group_code = :group)";
			spec = db.sql(sql.formatted(where)).param("idNumber", idNumber.strip().toUpperCase()).param("group", group);
		}
		else {
			return Optional.empty();
		}
		return spec.param("hall", hall).param("day", java.sql.Date.valueOf(today))
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> new CheckedIn(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
					rs.getObject(8, UUID.class)))
			.optional();
	}

	/**
	 * The appointment this booking code already checked in today at the hall (with {@code idSuffix}, only when the
	 * holder's ID number ends so): a second tap at the kiosk finds the ticket of the first instead of "not found".
	 */
	public Optional<UUID> checkedInToday(String hall, String bookingCode, String idSuffix) {
		return db.sql("""
				SELECT id FROM appointment
				WHERE hall = :hall AND day = :day AND status = 'CHECKED_IN' AND booking_code = :code
				  AND (:suffix::text IS NULL OR right(id_number, 4) = :suffix)""")
			.param("hall", hall).param("day", java.sql.Date.valueOf(LocalDate.now(clock.withZone(zone))))
			.param("code", bookingCode.strip().toUpperCase())
			.param("suffix", idSuffix == null ? null : idSuffix.strip().toUpperCase())
			.query(UUID.class).optional();
	}

	/** The first day with an online place left for the group. */
	public Optional<LocalDate> nextFreeDate(String hall, String group) {
		return booking.nextFreeDate(hall, group);
	}

	/** The first day with an online place left in any group of the hall, for the hall board. */
	public Optional<LocalDate> nextFreeDate(String hall) {
		return booking.nextFreeDate(hall);
	}

	/**
	 * A citizen's appointments still to come, soonest first: what the assistant answers "when is my appointment?"
	 * with, and what a hotline agent sees of the citizen they talk to.
	 */
	public java.util.List<BookedAppointment> upcomingOf(String citizen) {
		return booking.upcoming(citizen);
	}

	/** The citizen was served. */
	@Transactional
	public void complete(UUID appointment) {
		db.sql("UPDATE appointment SET status = 'COMPLETED', changed_at = :now WHERE id = :id AND status = 'CHECKED_IN'")
			.param("now", Timestamp.from(clock.instant())).param("id", appointment).update();
	}

	/** The citizen did not come, or did not answer when called. */
	@Transactional
	public void markNoShow(UUID appointment) {
		noShows.markNoShow(appointment);
	}
}
