package org.onestop.assistant;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Assistant settings under {@code onestop.assistant.*}.
 *
 * @param pool the agents' pool that web conversations queue for (the hotline department)
 * @param callbackThreshold an estimated wait longer than this offers a callback instead
 * of waiting
 * @param minutesPerConversation how long an agent takes per conversation, until there is
 * history to measure
 * @param abandonAfter a queued citizen who has not polled or listened for this long has
 * left the queue
 * @param keepPlaceFor a citizen who comes back within this long of leaving keeps their
 * place
 * @param callbackOpens first callback slot of a working day, in the city's time zone
 * @param callbackCloses callback slots must start before this
 * @param callbackDaysAhead how far ahead a callback may be booked, in days
 * @param callbackGrace a callback not done this long after its slot is escalated
 * @param escalateTo who hears of a missed callback (the pool's department heads)
 * @param emergencyNumbers shown with any reply to distress
 * @param conversationsPerHour conversations one caller (citizen, or device when
 * anonymous) may start in an hour
 * @param callbacksPerHour callback requests one caller (citizen, or device when
 * anonymous) may leave in an hour
 * @param addressConversationsPerHour anonymous conversations one address may start in an
 * hour: a hall's Wi-Fi or a mobile network's carrier-grade NAT puts many devices behind
 * one address
 * @param addressCallbacksPerHour anonymous callback requests one address may leave in an
 * hour
 * @param waitingPerCitizen conversations one signed-in citizen may keep waiting for a
 * person at once
 * @param waitingPerDevice conversations one anonymous device may keep waiting for a
 * person at once
 * @param waitingPerAddress anonymous conversations one address may keep waiting for a
 * person at once (signed-in citizens do not count against it, so that visitors sharing a
 * hall's Wi-Fi can sign in and wait in their name)
 * @param agentAwayAfter an agent on duty but not seen (no desk action, no open live
 * queue) for this long counts as away
 */
@ConfigurationProperties("onestop.assistant")
record AssistantProperties(@DefaultValue("GS") String pool, @DefaultValue("5m") Duration callbackThreshold,
		@DefaultValue("4") int minutesPerConversation, @DefaultValue("3m") Duration abandonAfter,
		@DefaultValue("30m") Duration keepPlaceFor, @DefaultValue("09:00") LocalTime callbackOpens,
		@DefaultValue("17:00") LocalTime callbackCloses, @DefaultValue("14") int callbackDaysAhead,
		@DefaultValue("15m") Duration callbackGrace, @DefaultValue("head.hotline") List<String> escalateTo,
		@DefaultValue("110, 120, 12356") String emergencyNumbers, @DefaultValue("5m") Duration agentAwayAfter,
		@DefaultValue("30") int conversationsPerHour, @DefaultValue("3") int callbacksPerHour,
		@DefaultValue("600") int addressConversationsPerHour, @DefaultValue("30") int addressCallbacksPerHour,
		@DefaultValue("1") int waitingPerCitizen, @DefaultValue("1") int waitingPerDevice,
		@DefaultValue("3") int waitingPerAddress) {
}
