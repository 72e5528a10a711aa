package org.onestop.platform;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working calendar in this node's memory: every due date reads it, administrators
 * change it a few times a year, and a submission used to read it from the database twice.
 *
 * <p>
 * How fresh: the tables' fingerprint is polled every second
 * ({@code onestop.calendar.sync-interval}) and the calendar is read again when it moved,
 * whichever node (or hand-written SQL) changed it; this node's own changes are read at
 * once after they commit. Should the poll stop (a starved scheduler, a database outage),
 * a read older than {@link #AT_MOST_NANOS} is not trusted: the calendar is read again
 * before answering, or straight from the database inside a transaction (which may be the
 * one changing it).
 */
@Component
class CalendarMemory {

	private static final long AT_MOST_NANOS = 10_000_000_000L;

	private final CalendarStore store;

	private volatile Snapshot snapshot;

	CalendarMemory(CalendarStore store) {
		this.store = store;
	}

	/**
	 * The listed days as "is a working day", the complete years, and their fingerprint.
	 */
	private record Snapshot(String fingerprint, NavigableMap<LocalDate, Boolean> exceptions, Set<Integer> knownYears,
			long readAt) {
	}

	/** The listed days in a range, as "is a working day". */
	Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate to) {
		Snapshot current = current();
		return current == null ? store.exceptions(from, to) : current.exceptions().subMap(from, true, to, true);
	}

	Set<Integer> knownYears() {
		Snapshot current = current();
		return current == null ? store.knownYears() : current.knownYears();
	}

	/** The snapshot to answer from; null when the database must be asked instead. */
	private Snapshot current() {
		Snapshot current = snapshot;
		if (current != null && System.nanoTime() - current.readAt() < AT_MOST_NANOS) {
			return current;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		sync();
		return snapshot;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		sync();
	}

	@TransactionalEventListener
	void afterOwnChange(CalendarDayChanged change) {
		reload(store.fingerprint());
	}

	/** Reads the calendar again when its fingerprint moved (on any node). */
	@Scheduled(fixedDelayString = "${onestop.calendar.sync-interval:PT1S}", initialDelayString = "PT1S")
	void sync() {
		String fingerprint = store.fingerprint();
		Snapshot current = snapshot;
		if (current != null && current.fingerprint().equals(fingerprint)) {
			snapshot = new Snapshot(fingerprint, current.exceptions(), current.knownYears(), System.nanoTime());
			return;
		}
		reload(fingerprint);
	}

	private synchronized void reload(String fingerprint) {
		// Read the fingerprint first: a change committed in between makes the next poll
		// read again, never leaves a newer fingerprint on older days.
		NavigableMap<LocalDate, Boolean> exceptions = Collections
			.unmodifiableNavigableMap(new TreeMap<>(store.allExceptions()));
		snapshot = new Snapshot(fingerprint, exceptions, Set.copyOf(store.knownYears()), System.nanoTime());
	}

}
