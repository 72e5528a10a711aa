package org.onestop.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit entries of one transaction not written yet. They are written before the
 * transaction commits, so that they commit with it or not at all, as when each was
 * inserted at once. An entry published after that (from a commit callback, when the
 * transaction can take no more writes) is written once it has committed, in a transaction
 * of its own, rather than lost. A savepoint rolled back does not take its entries with
 * it: no audited event is published inside one (the reminders' nested transactions only
 * send inbox messages).
 */
final class PendingEntries implements TransactionSynchronization {

	/** The key this transaction's pending entries are bound under. */
	private static final Object KEY = new Object();

	private final AuditStore store;

	private final TransactionTemplate afterwards;

	private final List<AuditStore.Entry> entries = new ArrayList<>();

	private PendingEntries(AuditStore store, TransactionTemplate afterwards) {
		this.store = store;
		this.afterwards = afterwards;
	}

	/** This transaction's pending entries; the caller has checked that one is active. */
	static PendingEntries of(AuditStore store, TransactionTemplate afterwards) {
		PendingEntries pending = (PendingEntries) TransactionSynchronizationManager.getResource(KEY);
		if (pending == null) {
			pending = new PendingEntries(store, afterwards);
			TransactionSynchronizationManager.bindResource(KEY, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		return pending;
	}

	/**
	 * Writes this transaction's pending entries now, for a sealer run inside it that must
	 * see them; later ones are kept again until the commit.
	 */
	static void writeNow() {
		PendingEntries pending = (PendingEntries) TransactionSynchronizationManager.getResource(KEY);
		if (pending != null) {
			pending.store.insert(pending.entries);
			pending.entries.clear();
		}
	}

	void add(AuditStore.Entry entry) {
		entries.add(entry);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		store.insert(entries);
		entries.clear();
	}

	/** An inner transaction (REQUIRES_NEW) keeps its own entries. */
	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResource(KEY);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(KEY, this);
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
		if (status == STATUS_COMMITTED && !entries.isEmpty()) {
			// Published by a commit callback: after the commit, the connection still
			// bound
			// would take the insert into no transaction that commits.
			List<AuditStore.Entry> late = List.copyOf(entries);
			entries.clear();
			afterwards.executeWithoutResult(tx -> store.insert(late));
		}
	}

	@Override
	public int getOrder() {
		// Last of the commit callbacks, so that entries published by earlier ones are
		// still in the one insert.
		return LOWEST_PRECEDENCE;
	}

}
