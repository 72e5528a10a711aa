package org.onestop.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.onestop.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each audited event as an entry in the publisher's transaction: an action that
 * cannot be audited does not happen. Inside a transaction the entries are kept until just
 * before it commits and written then in one statement, in the order they were published
 * (a submission audits four); outside one, each is written at once. The insert takes no
 * lock; {@link AuditSealer} chains the entries afterwards.
 */
@Component
class AuditTrail {

	private final AuditStore store;

	private final Clock clock;

	/** For entries published once the transaction has committed, which it cannot take. */
	private final TransactionTemplate afterwards;

	AuditTrail(AuditStore store, Clock clock, TransactionTemplate transactions) {
		this.store = store;
		this.clock = clock;
		this.afterwards = new TransactionTemplate(transactions.getTransactionManager());
		this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void on(AuditableEvent event) {
		AuditStore.Entry entry = new AuditStore.Entry(clock.instant().truncatedTo(ChronoUnit.MICROS), event.actor(),
				event.action(), event.subject(), event.summary());
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			store.insert(entry);
			return;
		}
		PendingEntries.of(store, afterwards).add(entry);
	}

}
