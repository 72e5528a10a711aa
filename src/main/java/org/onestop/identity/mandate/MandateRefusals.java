package org.onestop.identity.mandate;

import java.time.Clock;
import java.time.Duration;

import org.onestop.platform.LimitExceededException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Grants refused by the registry (no such ID number, or a name that does not match), per
 * grantor, counted in the database so that every node agrees: after {@link #MAX_REFUSED}
 * within {@link #WINDOW} the grantor must wait (429) before the registry is asked again,
 * so that it cannot be probed through the grant form.
 */
@Component
class MandateRefusals {

	static final int MAX_REFUSED = 10;

	static final Duration WINDOW = Duration.ofHours(24);

	private final MandateRefusalStore store;

	private final Clock clock;

	MandateRefusals(MandateRefusalStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** 429 when the grantor's refused grants of the last 24 hours reach the limit. */
	void check(String grantor) {
		if (store.countSince(grantor, clock.instant().minus(WINDOW)) >= MAX_REFUSED) {
			throw new LimitExceededException("mandate.too-many-refused", MAX_REFUSED);
		}
	}

	/** Counts one refused grant (it stays counted though the grant rolls back). */
	void refused(String grantor) {
		store.add(grantor, clock.instant());
	}

	/** Rows whose window is over go, on whichever node gets there first. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purge() {
		store.forgetBefore(clock.instant().minus(WINDOW));
	}

}
