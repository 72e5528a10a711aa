package org.onestop.identity.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.onestop.platform.LimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits registration attempts per client address to
 * {@code onestop.identity.registrations-per-hour} in each hour, counted by one atomic
 * upsert so that every node shares the count. Registration checks a name against an ID
 * number in the population registry; unlimited tries would make it a lookup service.
 */
@Component
class RegistrationThrottle {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final RegistrationStore store;

	private final Clock clock;

	private final int perHour;

	RegistrationThrottle(RegistrationStore store, Clock clock,
			@Value("${onestop.identity.registrations-per-hour:10}") int perHour) {
		this.store = store;
		this.clock = clock;
		this.perHour = perHour;
	}

	/**
	 * Counts one attempt from this client, or refuses it with 429 when the hour's
	 * allowance is spent. The count commits on its own, so that a refused registration
	 * still counts.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void attempt(String client) {
		Instant now = clock.instant();
		int attempts = store.countAttempt(client == null ? "unknown" : client, now, now.minus(WINDOW));
		if (attempts > perHour) {
			throw new LimitExceededException("identity.registration.too-many");
		}
	}

	/**
	 * Every address that tried leaves a row: those whose hour is over go, on whichever
	 * node gets there first.
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
	void purge() {
		store.forgetAttemptsStartedBefore(clock.instant().minus(WINDOW));
	}

}
