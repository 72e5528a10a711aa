package org.onestop.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.onestop.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each audited event as an entry, synchronously and in the publisher's
 * transaction: an action that cannot be audited does not happen. The insert takes no
 * lock; {@link AuditSealer} chains the entries afterwards.
 */
@Component
class AuditTrail {

	private final AuditStore store;

	private final Clock clock;

	AuditTrail(AuditStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@EventListener
	void on(AuditableEvent event) {
		store.insert(clock.instant().truncatedTo(ChronoUnit.MICROS), event.actor(), event.action(), event.subject(),
				event.summary());
	}

}
