package org.onestop.queue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads over many tickets for the estimates and the public board: positions, service
 * times, counts, medians.
 */
@Component
class TicketQueries {

	private static final String POSITION = """
			WITH w AS (SELECT id, row_number() OVER (ORDER BY %s, arrived_at, number) AS pos FROM queue_ticket
			           WHERE status = 'WAITING' AND (hall, day, group_code) IN
			             (SELECT hall, day, group_code FROM queue_ticket WHERE id = :id AND status = 'WAITING'))
			SELECT coalesce((SELECT pos FROM w WHERE id = :id), 0)""".formatted(Ranking.RANK);

	private final JdbcClient db;

	TicketQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * 1 for the next one called in the ticket's group; 0 when the ticket is not waiting.
	 */
	int position(UUID ticket, Instant now, int maxSkips) {
		return db.sql(POSITION)
			.param("id", ticket)
			.param("now", Timestamp.from(now))
			.param("maxSkips", maxSkips)
			.query(Integer.class)
			.single();
	}

	/**
	 * The average of the group's last {@code sample} service times (call to completion)
	 * in minutes; -1 without any.
	 */
	double averageServiceMinutes(String hall, String group, int sample) {
		return db.sql("""
				SELECT coalesce(avg(extract(epoch FROM completed_at - called_at)) / 60, -1) FROM (
				  SELECT completed_at, called_at FROM queue_ticket
				  WHERE hall = :h AND group_code = :g AND status = 'COMPLETED'
				  ORDER BY completed_at DESC LIMIT :n) recent""")
			.param("h", hall)
			.param("g", group)
			.param("n", sample)
			.query(Double.class)
			.single();
	}

	/** How many of these counters a clerk was seen at since then. */
	int openCounters(String hall, List<String> counters, Instant since) {
		return db
			.sql("SELECT count(*) FROM queue_counter_open WHERE hall = :h AND counter IN (:c) AND last_seen > :since")
			.param("h", hall)
			.param("c", counters)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/** The day's latest calls, newest first. */
	List<QueuePages.Called> recentCalls(String hall, LocalDate day, int limit) {
		return db.sql("""
				SELECT number, counter, called_at FROM queue_ticket
				WHERE hall = :h AND day = :day AND called_at IS NOT NULL AND status IN ('CALLED', 'COMPLETED')
				ORDER BY called_at DESC LIMIT :n""")
			.param("h", hall)
			.param("day", Date.valueOf(day))
			.param("n", limit)
			.query((rs, n) -> new QueuePages.Called(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * Median minutes from ticket to first call since then, by kind of ticket (WALK_IN,
	 * APPOINTMENT).
	 */
	Map<String, Long> medianWaits(String hall, Instant since) {
		return db
			.sql("""
					SELECT kind, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_called_at - arrived_at))
					FROM queue_ticket WHERE hall = :h AND first_called_at IS NOT NULL AND arrived_at >= :since GROUP BY kind""")
			.param("h", hall)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> Map.entry(rs.getString(1), Math.round(rs.getDouble(2) / 60)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	int walkIns(String hall, LocalDate day) {
		return db.sql("SELECT count(*) FROM queue_ticket WHERE hall = :h AND day = :day AND kind = 'WALK_IN'")
			.param("h", hall)
			.param("day", Date.valueOf(day))
			.query(Integer.class)
			.single();
	}

	/** Waiting tickets per group; groups without any are absent. */
	Map<String, Integer> waitingByGroup(String hall, LocalDate day) {
		return db.sql("""
				SELECT group_code, count(*) FROM queue_ticket WHERE hall = :h AND day = :day AND status = 'WAITING'
				GROUP BY group_code""")
			.param("h", hall)
			.param("day", Date.valueOf(day))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
