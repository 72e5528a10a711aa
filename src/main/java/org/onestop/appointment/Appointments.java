package org.onestop.appointment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
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

	static final int NO_SHOWS = 3;
	static final Duration NO_SHOW_WINDOW = Duration.ofDays(90);
	static final Duration SUSPENSION = Duration.ofDays(30);

	private final JdbcClient db;
	private final Booking booking;
	private final Inbox inbox;
	private final Clock clock;
	private final java.time.ZoneId zone;

	Appointments(JdbcClient db, Booking booking, Inbox inbox, Clock clock, PlatformProperties properties) {
		this.db = db;
		this.booking = booking;
		this.inbox = inbox;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/**
	 * Checks in today's booked appointment at this hall, found by booking code, or else by ID number (and
	 * matter, when given). Nothing when there is none; a second check-in finds nothing (the status moved on).
	 */
	@Transactional
	public Optional<CheckedIn> checkIn(String hall, String bookingCode, String idNumber, String serviceCode) {
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
			where = "booking_code = :code";
			spec = db.sql(sql.formatted(where)).param("code", bookingCode.strip().toUpperCase());
		}
		else if (idNumber != null && !idNumber.isBlank()) {
			where = "id_number = :idNumber AND (:service::text IS NULL OR service_code = :service)";
			spec = db.sql(sql.formatted(where)).param("idNumber", idNumber.strip().toUpperCase())
				.param("service", serviceCode == null || serviceCode.isBlank() ? null : serviceCode.strip());
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

	/** The first day with an online place left for the group, for the hall board. */
	public Optional<LocalDate> nextFreeDate(String hall, String group) {
		return booking.nextFreeDate(hall, group);
	}

	/** The citizen was served. */
	@Transactional
	public void complete(UUID appointment) {
		db.sql("UPDATE appointment SET status = 'COMPLETED', changed_at = :now WHERE id = :id AND status = 'CHECKED_IN'")
			.param("now", Timestamp.from(clock.instant())).param("id", appointment).update();
	}

	/**
	 * The citizen did not come (or did not answer the call). The place is not given back: its time has
	 * passed. The third no-show within 90 days suspends online booking for 30 days, with a notice.
	 */
	@Transactional
	public void markNoShow(UUID appointment) {
		String citizen = db.sql("""
				UPDATE appointment SET status = 'NO_SHOW', changed_at = :now
				WHERE id = :id AND status IN ('BOOKED', 'CHECKED_IN') RETURNING citizen""")
			.param("now", Timestamp.from(clock.instant())).param("id", appointment).query(String.class).optional()
			.orElse(null);
		if (citizen == null) {
			return;
		}
		// One citizen's no-shows are counted one at a time, so two at once cannot both miss the third.
		db.sql("SELECT pg_advisory_xact_lock(hashtext(:k))").param("k", "no-show:" + citizen).query().singleRow();
		int recent = db.sql("SELECT count(*) FROM appointment WHERE citizen = :c AND status = 'NO_SHOW' AND changed_at >= :since")
			.param("c", citizen).param("since", Timestamp.from(clock.instant().minus(NO_SHOW_WINDOW)))
			.query(Integer.class).single();
		boolean suspended = db.sql("""
				SELECT count(*) FROM appointment_suspension WHERE citizen = :c AND lifted_at IS NULL AND ends_at > :now""")
			.param("c", citizen).param("now", Timestamp.from(clock.instant())).query(Integer.class).single() > 0;
		if (recent >= NO_SHOWS && !suspended) {
			db.sql("""
					INSERT INTO appointment_suspension (citizen, starts_at, ends_at, reason)
					VALUES (:c, :from, :until, :reason)""")
				.param("c", citizen).param("from", Timestamp.from(clock.instant()))
				.param("until", Timestamp.from(clock.instant().plus(SUSPENSION)))
				.param("reason", recent + " no-shows in 90 days").update();
			inbox.send(new Message(citizen, "appointment.notice.suspended", java.util.List.of(), "/appointments",
					"BOOKING_SUSPENDED"));
		}
	}
}
