package org.onestop.appointment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No-shows: an appointment missed (not checked in by 30 minutes after its slot) or not answered when called.
 * Three in 90 days — not counting those a suspension already answered — suspend online booking for 30 days,
 * with a notice; walk-in tickets are never affected.
 */
@Component
class NoShows {

	static final int NO_SHOWS = 3;
	static final Duration NO_SHOW_WINDOW = Duration.ofDays(90);
	static final Duration SUSPENSION = Duration.ofDays(30);
	/** How long after a slot ends an appointment that was never checked in counts as missed. */
	static final Duration GRACE = Duration.ofMinutes(30);

	private final JdbcClient db;
	private final Inbox inbox;
	private final Clock clock;

	NoShows(JdbcClient db, Inbox inbox, Clock clock) {
		this.db = db;
		this.inbox = inbox;
		this.clock = clock;
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
		applyNoShowRule(citizen);
	}

	/**
	 * Appointments whose time has passed without a check-in are no-shows. Every node may run this: the
	 * conditional UPDATE marks each appointment once. Also run for one citizen before they book again.
	 */
	@Transactional
	public int sweepMissed(String citizenOrNull) {
		List<String> citizens = db.sql("""
				UPDATE appointment a SET status = 'NO_SHOW', changed_at = :now
				FROM appointment_slot s
				WHERE s.id = a.slot_id AND a.status = 'BOOKED' AND s.ends_at < :cutoff
				  AND (:citizen::text IS NULL OR a.citizen = :citizen)
				RETURNING a.citizen""")
			.param("now", Timestamp.from(clock.instant())).param("cutoff", Timestamp.from(clock.instant().minus(GRACE)))
			.param("citizen", citizenOrNull).query(String.class).list();
		new java.util.TreeSet<>(citizens).forEach(this::applyNoShowRule);
		return citizens.size();
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
	void sweep() {
		sweepMissed(null);
	}

	private void applyNoShowRule(String citizen) {
		// One citizen's no-shows are counted one at a time, so two at once cannot both miss the third.
		db.sql("SELECT pg_advisory_xact_lock(hashtext(:k))").param("k", "no-show:" + citizen).query().singleRow();
		// No-shows already answered by a suspension (served or lifted on appeal) do not count again.
		java.time.Instant since = clock.instant().minus(NO_SHOW_WINDOW);
		java.time.Instant lastSuspension = db.sql("""
				SELECT max(coalesce(lifted_at, ends_at)) FROM appointment_suspension WHERE citizen = :c""")
			.param("c", citizen).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
		if (lastSuspension != null && lastSuspension.isAfter(since)) {
			since = lastSuspension;
		}
		int recent = db.sql("SELECT count(*) FROM appointment WHERE citizen = :c AND status = 'NO_SHOW' AND changed_at >= :since")
			.param("c", citizen).param("since", Timestamp.from(since)).query(Integer.class).single();
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
