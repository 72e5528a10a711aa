package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Positions and waits. The wait is the rolling average of the group's last {@value #SAMPLE} real service times (the
 * group's configured minutes until there are any) × people ahead ÷ counters open for the group: counters where a
 * clerk called in the last 30 minutes, or, when none has yet, every counter that serves the group.
 */
@Component
class Estimates {

	static final int SAMPLE = 20;
	static final Duration OPEN_FOR = Duration.ofMinutes(30);
	static final int NOTIFY_AT = 3;

	private final JdbcClient db;
	private final Inbox inbox;
	private final Clock clock;

	Estimates(JdbcClient db, Inbox inbox, Clock clock) {
		this.db = db;
		this.inbox = inbox;
		this.clock = clock;
	}

	/** 1 for the next one called in the ticket's group; 0 when the ticket is not waiting. */
	int position(UUID ticket, int maxSkips) {
		return db.sql("""
				WITH w AS (SELECT id, row_number() OVER (ORDER BY %s, arrived_at, number) AS pos FROM queue_ticket
				           WHERE status = 'WAITING' AND (hall, day, group_code) IN
				             (SELECT hall, day, group_code FROM queue_ticket WHERE id = :id AND status = 'WAITING'))
				SELECT coalesce((SELECT pos FROM w WHERE id = :id), 0)""".formatted(Ranking.RANK))
			.param("id", ticket).param("now", Timestamp.from(clock.instant())).param("maxSkips", maxSkips)
			.query(Integer.class).single();
	}

	int waitMinutes(HallLayout layout, String group, int position) {
		if (position <= 1) {
			return 0;
		}
		double perPerson = averageServiceMinutes(layout, group);
		return (int) Math.ceil(perPerson * (position - 1) / openCounters(layout, group));
	}

	double averageServiceMinutes(HallLayout layout, String group) {
		double measured = db.sql("""
				SELECT coalesce(avg(extract(epoch FROM completed_at - called_at)) / 60, -1) FROM (
				  SELECT completed_at, called_at FROM queue_ticket
				  WHERE hall = :h AND group_code = :g AND status = 'COMPLETED'
				  ORDER BY completed_at DESC LIMIT :n) recent""")
			.param("h", layout.code()).param("g", group).param("n", SAMPLE).query(Double.class).single();
		return measured >= 0 ? Math.max(measured, 0.5)
				: layout.group(group).map(HallLayout.Group::serviceMinutes).orElse(10);
	}

	int openCounters(HallLayout layout, String group) {
		List<String> serving = layout.counters().stream().filter(c -> c.groups().contains(group)).map(HallLayout.Counter::id)
			.toList();
		if (serving.isEmpty()) {
			return 1;
		}
		int open = db.sql("SELECT count(*) FROM queue_counter_open WHERE hall = :h AND counter IN (:c) AND last_seen > :since")
			.param("h", layout.code()).param("c", serving).param("since", Timestamp.from(clock.instant().minus(OPEN_FOR)))
			.query(Integer.class).single();
		return open > 0 ? open : serving.size();
	}

	/** Tells each known citizen now within three of the front of their group, once (the flag column makes it once). */
	void notifyNearFront(HallLayout layout, List<String> groups) {
		db.sql("""
				WITH w AS (SELECT id, row_number() OVER (PARTITION BY group_code ORDER BY %s, arrived_at, number) AS pos
				           FROM queue_ticket WHERE hall = :h AND day = :day AND status = 'WAITING' AND group_code IN (:g))
				UPDATE queue_ticket t SET notified_at = :now FROM w
				WHERE t.id = w.id AND w.pos <= :at AND t.notified_at IS NULL AND t.citizen IS NOT NULL
				RETURNING t.id, t.citizen, t.number""".formatted(Ranking.RANK))
			.param("h", layout.code()).param("day", java.sql.Date.valueOf(Tickets.today(clock)))
			.param("g", groups).param("now", Timestamp.from(clock.instant())).param("maxSkips", layout.maxSkips())
			.param("at", NOTIFY_AT)
			.query((rs, n) -> new Message(rs.getString(2), "queue.notice.three-away",
					List.of(rs.getString(3), layout.name().zh(), layout.name().en()), "/tickets/" + rs.getObject(1, UUID.class),
					"QUEUE_NEAR_FRONT"))
			.list().forEach(inbox::send);
	}
}
