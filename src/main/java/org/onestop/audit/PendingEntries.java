package org.onestop.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit entries of one transaction not written yet. They are written before the
 * transaction commits, so that they commit with it or not at all, as when each was
 * inserted at once. An entry that comes after that (from another synchronisation's commit
 * callbacks) is written at once, as before. A savepoint rolled back does not take its
 * entries with it: no audited event is published inside one (the reminders' nested
 * transactions only send inbox messages).
 */
final class PendingEntries implements TransactionSynchronization {

	/** The key this transaction's pending entries are bound under. */
	private static final Object KEY = new Object();

	private final AuditStore store;

	private final List<AuditStore.Entry> entries = new ArrayList<>();

	private boolean written;

	private PendingEntries(AuditStore store) {
		this.store = store;
	}

	/** This transaction's pending entries; the caller has checked that one is active. */
	static PendingEntries of(AuditStore store) {
		PendingEntries pending = (PendingEntries) TransactionSynchronizationManager.getResource(KEY);
		if (pending == null) {
			pending = new PendingEntries(store);
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
		if (written) {
			store.insert(entry);
		}
		else {
			entries.add(entry);
		}
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		written = true;
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
	}

	@Override
	public int getOrder() {
		// Last of the commit callbacks, so that entries published by earlier ones are
		// still in the one insert.
		return LOWEST_PRECEDENCE;
	}

}
