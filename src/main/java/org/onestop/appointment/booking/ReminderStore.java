package org.onestop.appointment.booking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims appointments due a reminder. Each claim is one UPDATE that sets the reminder's
 * column where it is still null and returns what it set, so that with two nodes sweeping
 * at once each reminder is claimed by exactly one; SKIP LOCKED lets the other node go on
 * with the rest instead of waiting.
 */
@Component
class ReminderStore {

	/** The day-before reminder: for the given day, booked before the window opened. */
	private static final String DAY_BEFORE = """
			UPDATE appointment a SET reminded_day_before_at = :now
			FROM appointment_slot s
			WHERE s.id = a.slot_id AND a.id IN (
			    SELECT id FROM appointment
			    WHERE day = :day AND status = 'BOOKED' AND reminded_day_before_at IS NULL AND booked_at < :opened
			    LIMIT :batch FOR UPDATE SKIP LOCKED)
			RETURNING a.id, a.citizen, a.hall, a.booking_code, s.starts_at""";

	/**
	 * The same-day reminder: slots starting within the lead time, of appointments booked
	 * before their window opened.
	 */
	private static final String SAME_DAY = """
			UPDATE appointment a SET reminded_same_day_at = :now
			FROM appointment_slot s
			WHERE s.id = a.slot_id AND a.id IN (
			    SELECT x.id FROM appointment x JOIN appointment_slot y ON y.id = x.slot_id
			    WHERE x.day = :day AND x.status = 'BOOKED' AND x.reminded_same_day_at IS NULL
			      AND y.starts_at > :now AND y.starts_at <= :until
			      AND x.booked_at < y.starts_at - make_interval(secs => :lead)
			    LIMIT :batch FOR UPDATE OF x SKIP LOCKED)
			RETURNING a.id, a.citizen, a.hall, a.booking_code, s.starts_at""";

	private final JdbcClient db;

	ReminderStore(JdbcClient db) {
		this.db = db;
	}

	/** An appointment whose reminder this node now sends. */
	record Due(UUID id, String citizen, String hall, String bookingCode, Instant start) {
	}

	List<Due> claimDayBefore(LocalDate day, Instant opened, Instant now, int batch) {
		return db.sql(DAY_BEFORE)
			.param("now", Timestamp.from(now))
			.param("day", Date.valueOf(day))
			.param("opened", Timestamp.from(opened))
			.param("batch", batch)
			.query(ReminderStore::due)
			.list();
	}

	List<Due> claimSameDay(LocalDate day, Duration lead, Instant now, int batch) {
		return db.sql(SAME_DAY)
			.param("now", Timestamp.from(now))
			.param("day", Date.valueOf(day))
			.param("until", Timestamp.from(now.plus(lead)))
			.param("lead", (double) lead.toSeconds())
			.param("batch", batch)
			.query(ReminderStore::due)
			.list();
	}

	private static Due due(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant());
	}

}
