package org.onestop.notification;

import java.time.Clock;
import java.time.LocalDate;

import org.onestop.platform.PlatformProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets daily text counts once their day is over: only today's and tomorrow's (a text
 * held by quiet hours counts on the morning's day) are ever asked for. A plain DELETE, so
 * every node may run it at once.
 */
@Component
class SmsDayPurge {

	/** Days kept before today, so that a count near midnight is never cut short. */
	static final int KEPT_DAYS = 2;

	private final SmsDayStore days;

	private final Clock clock;

	private final PlatformProperties platform;

	SmsDayPurge(SmsDayStore days, Clock clock, PlatformProperties platform) {
		this.days = days;
		this.clock = clock;
		this.platform = platform;
	}

	@Scheduled(fixedDelayString = "${onestop.notification.sms-day-purge:PT6H}",
			initialDelayString = "${onestop.notification.sms-day-purge:PT6H}")
	int purge() {
		return days.purgeBefore(LocalDate.now(clock.withZone(platform.timeZone())).minusDays(KEPT_DAYS));
	}

}
