package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the public board shows, from the tickets themselves: recent calls, who waits, and honest median waits
 * (ticket to first call) over the last 30 days, for walk-ins and appointments apart.
 */
@Component
class HallBoards {

	static final int RECENT = 8;
	static final Duration HISTORY = Duration.ofDays(30);

	private final JdbcClient db;
	private final Halls halls;
	private final Estimates estimates;
	private final HallVersions versions;
	private final Clock clock;

	private final org.onestop.appointment.Appointments appointments;

	HallBoards(JdbcClient db, Halls halls, Estimates estimates, HallVersions versions, Clock clock,
			org.onestop.appointment.Appointments appointments) {
		this.appointments = appointments;
		this.db = db;
		this.halls = halls;
		this.estimates = estimates;
		this.versions = versions;
		this.clock = clock;
	}

	QueuePages.HallBoard board(String hall) {
		long version = versions.all().getOrDefault(hall, 0L);
		HallLayout layout = halls.layout(hall);
		java.sql.Date day = java.sql.Date.valueOf(Tickets.today(clock));
		List<QueuePages.Called> recent = db.sql("""
				SELECT number, counter, called_at FROM queue_ticket
				WHERE hall = :h AND day = :day AND called_at IS NOT NULL AND status IN ('CALLED', 'COMPLETED')
				ORDER BY called_at DESC LIMIT :n""")
			.param("h", hall).param("day", day).param("n", RECENT)
			.query((rs, n) -> new QueuePages.Called(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
		Map<String, Long> medians = db.sql("""
				SELECT kind, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_called_at - arrived_at))
				FROM queue_ticket WHERE hall = :h AND first_called_at IS NOT NULL AND arrived_at >= :since GROUP BY kind""")
			.param("h", hall).param("since", Timestamp.from(clock.instant().minus(HISTORY)))
			.query((rs, n) -> Map.entry(rs.getString(1), Math.round(rs.getDouble(2) / 60))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		int walkIns = db.sql("SELECT count(*) FROM queue_ticket WHERE hall = :h AND day = :day AND kind = 'WALK_IN'")
			.param("h", hall).param("day", day).query(Integer.class).single();
		return new QueuePages.HallBoard(layout, version, recent, waiting(layout, layout.groups()),
				halls.hours(hall, Tickets.today(clock)), nextFreeDate(layout), toInt(medians.get("WALK_IN")),
				toInt(medians.get("APPOINTMENT")), walkIns);
	}

	/** The soonest day any group of the hall has an online place left; null when the whole window is booked. */
	private String nextFreeDate(HallLayout layout) {
		return appointments.nextFreeDate(layout.code()).map(Object::toString).orElse(null);
	}

	List<QueuePages.GroupWaiting> waiting(HallLayout layout, List<HallLayout.Group> groups) {
		Map<String, Integer> counts = db.sql("""
				SELECT group_code, count(*) FROM queue_ticket WHERE hall = :h AND day = :day AND status = 'WAITING'
				GROUP BY group_code""")
			.param("h", layout.code()).param("day", java.sql.Date.valueOf(Tickets.today(clock)))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return groups.stream().map(g -> {
			int waiting = counts.getOrDefault(g.code(), 0);
			return new QueuePages.GroupWaiting(g, waiting, estimates.waitMinutes(layout, g.code(), waiting + 1));
		}).toList();
	}

	private static Integer toInt(Long value) {
		return value == null ? null : value.intValue();
	}
}
