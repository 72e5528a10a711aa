package org.onestop.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands an event to its listeners again when their first try failed (the database
 * blinked, a deadlock) and the publication is still incomplete after a while. Without
 * this, Spring Modulith resubmits only when a node restarts, which may be days away.
 * Every node runs it; listeners are idempotent (a counter visit is keyed by its ticket),
 * so a publication handled twice does no harm.
 */
@Component
class EventPublicationRetry {

	private final IncompleteEventPublications incomplete;

	private final Duration after;

	EventPublicationRetry(IncompleteEventPublications incomplete,
			@Value("${onestop.platform.events.retry-after:5m}") Duration after) {
		this.incomplete = incomplete;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${onestop.platform.events.retry-interval:60s}",
			initialDelayString = "${onestop.platform.events.retry-interval:60s}")
	void retry() {
		incomplete.resubmitIncompletePublicationsOlderThan(after);
	}

}
