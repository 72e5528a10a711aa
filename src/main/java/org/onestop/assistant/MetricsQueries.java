package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The assistant's figures over the conversations and callbacks of a range, in one read.
 */
@Component
class MetricsQueries {

	private final JdbcClient db;

	MetricsQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * The figures of the days {@code from} to {@code to}, which span the instants
	 * {@code start} to {@code end}.
	 */
	AssistantMetrics.Figures figures(LocalDate from, LocalDate to, Instant start, Instant end) {
		return db
			.sql("""
					WITH c AS (SELECT * FROM assistant_conversation WHERE started_at >= :start AND started_at < :end),
					     web AS (SELECT * FROM c WHERE channel = 'WEB'),
					     cb AS (SELECT * FROM assistant_callback WHERE requested_at >= :start AND requested_at < :end)
					SELECT
					  (SELECT count(*) FROM web),
					  (SELECT count(*) FROM web WHERE person_requested_at IS NOT NULL),
					  (SELECT count(*) FROM web WHERE queued_at IS NOT NULL),
					  (SELECT max(messages_to_queue) FROM web),
					  (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM queued_at - person_requested_at))
					     FROM web WHERE queued_at IS NOT NULL),
					  (SELECT count(*) FROM web WHERE connected_at IS NOT NULL),
					  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM connected_at - queued_at))
					     FROM web WHERE connected_at IS NOT NULL),
					  (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM connected_at - queued_at))
					     FROM web WHERE connected_at IS NOT NULL),
					  (SELECT count(*) FROM web WHERE person_requested_at IS NULL),
					  (SELECT count(*) FROM web WHERE person_requested_at IS NULL AND helpful),
					  (SELECT count(*) FROM web WHERE queued_at IS NOT NULL AND connected_at IS NULL AND abandonments > 0),
					  (SELECT coalesce(sum(returns), 0) FROM web),
					  (SELECT count(*) FROM cb),
					  (SELECT count(*) FROM cb WHERE done_at IS NOT NULL),
					  (SELECT count(*) FROM cb WHERE escalated_at IS NOT NULL),
					  (SELECT count(*) FROM c WHERE channel = 'PHONE')""")
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> {
				long queued = rs.getLong(3);
				long bot = rs.getLong(9);
				long botResolved = rs.getLong(10);
				long abandoned = rs.getLong(11);
				return new AssistantMetrics.Figures(from, to, rs.getLong(1), rs.getLong(2), queued,
						(Integer) rs.getObject(4), (Double) rs.getObject(5), rs.getLong(6), (Double) rs.getObject(7),
						(Double) rs.getObject(8), bot, botResolved, bot == 0 ? null : (double) botResolved / bot,
						abandoned, rs.getLong(12), queued == 0 ? null : (double) abandoned / queued, rs.getLong(13),
						rs.getLong(14), rs.getLong(15), rs.getLong(16));
			})
			.single();
	}

}
