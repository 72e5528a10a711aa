package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What P1 promises, measured with SQL over the conversations started in a range of days (web chat unless said):
 * messages and seconds from asking for a person to joining the queue (one message, at once), time to an agent
 * (p50/p95), the assistant's resolution (conversations without a person rated helpful), abandoned waits and
 * returns, callbacks, and phone calls logged.
 */
@Component
class AssistantMetrics {

	/** The figures of one range; rates and times are null when there is nothing to measure. */
	record Figures(LocalDate from, LocalDate to, long conversations, long personRequests, long queued,
			Integer maxMessagesToQueue, Double askToQueueSecondsP95, long connected, Double timeToAgentSecondsP50,
			Double timeToAgentSecondsP95, long botConversations, long botResolved, Double botResolutionRate,
			long abandonedWaits, long returnedWaits, Double abandonmentRate, long callbacks, long callbacksDone,
			long callbacksEscalated, long phoneCalls) {
	}

	private final JdbcClient db;
	private final Clock clock;
	private final ZoneId zone;

	AssistantMetrics(JdbcClient db, Clock clock, PlatformProperties platform) {
		this.db = db;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	Figures figures(LocalDate fromOrNull, LocalDate toOrNull) {
		LocalDate to = toOrNull == null ? LocalDate.now(clock.withZone(zone)) : toOrNull;
		LocalDate from = fromOrNull == null ? to.minusDays(29) : fromOrNull;
		if (from.isAfter(to) || from.isBefore(to.minusYears(5))) {
			throw new InvalidInputException("from", "assistant.metrics.range.invalid");
		}
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		return db.sql("""
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
			.param("start", start).param("end", end)
			.query((rs, n) -> {
				long queued = rs.getLong(3);
				long bot = rs.getLong(9);
				long botResolved = rs.getLong(10);
				long abandoned = rs.getLong(11);
				return new Figures(from, to, rs.getLong(1), rs.getLong(2), queued, (Integer) rs.getObject(4),
						(Double) rs.getObject(5), rs.getLong(6), (Double) rs.getObject(7), (Double) rs.getObject(8), bot,
						botResolved, bot == 0 ? null : (double) botResolved / bot, abandoned, rs.getLong(12),
						queued == 0 ? null : (double) abandoned / queued, rs.getLong(13), rs.getLong(14), rs.getLong(15),
						rs.getLong(16));
			})
			.single();
	}
}
