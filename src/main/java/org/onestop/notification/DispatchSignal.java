package org.onestop.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's dispatcher when outbox rows commit, so that a text goes out at once
 * rather than at the next poll. Only a hint: every node also polls, and that is what
 * delivers rows written on another node or left by one that died.
 */
@Component
class DispatchSignal {

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	void onWritten(Runnable listener) {
		listeners.add(listener);
	}

	/** After the current transaction commits (or now, outside one). */
	void written() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					listeners.forEach(Runnable::run);
				}
			});
		}
		else {
			listeners.forEach(Runnable::run);
		}
	}

}
