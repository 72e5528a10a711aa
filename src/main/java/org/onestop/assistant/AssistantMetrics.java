package org.onestop.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * What P1 promises, measured with SQL over the conversations started in a range of days
 * (web chat unless said): messages and seconds from asking for a person to joining the
 * queue (one message, at once), time to an agent (p50/p95), the assistant's resolution
 * (conversations without a person rated helpful), abandoned waits and returns, callbacks,
 * and phone calls logged.
 */
@Component
class AssistantMetrics {

	/**
	 * The figures of one range; rates and times are null when there is nothing to
	 * measure.
	 */
	record Figures(LocalDate from, LocalDate to, long conversations, long personRequests, long queued,
			Integer maxMessagesToQueue, Double askToQueueSecondsP95, long connected, Double timeToAgentSecondsP50,
			Double timeToAgentSecondsP95, long botConversations, long botResolved, Double botResolutionRate,
			long abandonedWaits, long returnedWaits, Double abandonmentRate, long callbacks, long callbacksDone,
			long callbacksEscalated, long phoneCalls) {
	}

	private final MetricsQueries queries;

	private final Clock clock;

	private final ZoneId zone;

	AssistantMetrics(MetricsQueries queries, Clock clock, PlatformProperties platform) {
		this.queries = queries;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	Figures figures(LocalDate fromOrNull, LocalDate toOrNull) {
		LocalDate to = toOrNull == null ? LocalDate.now(clock.withZone(zone)) : toOrNull;
		LocalDate from = fromOrNull == null ? to.minusDays(29) : fromOrNull;
		if (from.isAfter(to) || from.isBefore(to.minusYears(5))) {
			throw new InvalidInputException("from", "assistant.metrics.range.invalid");
		}
		return queries.figures(from, to, from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant());
	}

}
