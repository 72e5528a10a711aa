package org.onestop.identity.code;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts requests per scope and key (an ID number, a username, an address) in a window of
 * an hour or a day, by one atomic upsert, so that every node shares the count and
 * parallel requests cannot all slip under the limit. Each scope has one window. The table
 * keeps its first name, {@code identity_hourly_count}.
 */
@Component
class RequestCounts {

	static final Duration HOUR = Duration.ofHours(1);
	static final Duration DAY = Duration.ofDays(1);

	private final RequestCountStore store;

	private final Clock clock;

	RequestCounts(RequestCountStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Counts one request and answers whether it is within {@code limit} for the
	 * {@code window}. The count commits on its own, so that a refused or failed request
	 * still counts.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean within(String scope, String key, int limit, Duration window) {
		Instant now = clock.instant();
		return store.count(scope, key == null ? "unknown" : key, now, now.minus(window)) <= limit;
	}

	/**
	 * Every ID number, username and address asked about leaves a row: those past a day
	 * go, on any node (past the longest window a row tells nothing).
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
	void purge() {
		store.forgetWindowsStartedBefore(clock.instant().minus(DAY));
	}

}
