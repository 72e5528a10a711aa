package org.onestop.appointment.hall;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.onestop.appointment.hall.HallLayoutStore.StoredLayout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The halls' layouts, kept in this node's memory: every public hall page needs one, and
 * they change a few times a year. Correct with several nodes: the database's layout
 * version (raised by a trigger on every layout table) is read at most once per
 * {@code onestop.appointment.layout-cache} (5 s), and a layout read under an older
 * version is read again, so a change made on another node is seen within that bound, and
 * on this node as soon as it commits.
 *
 * <p>
 * Inside a read-write transaction the version is always read (on the transaction's own
 * connection), and once the transaction has written anything, a layout read there is used
 * but never kept: that transaction may be the one changing the layout, and may yet roll
 * back.
 */
@Component
class HallLayoutCache {

	private static final int MOST_HALLS = 1_000;

	private final HallLayoutStore store;

	private final long freshNanos;

	private final Ticker ticker;

	private final Cache<String, Entry> entries;

	private volatile Seen seen = new Seen(0, Long.MIN_VALUE);

	@Autowired
	HallLayoutCache(HallLayoutStore store, AppointmentProperties properties) {
		this(store, properties.layoutCache(), Ticker.systemTicker());
	}

	HallLayoutCache(HallLayoutStore store, Duration fresh, Ticker ticker) {
		this.store = store;
		this.freshNanos = fresh.toNanos();
		this.ticker = ticker;
		// Unknown hall codes are never kept (a crowd of made-up codes cannot push real
		// halls out).
		this.entries = Caffeine.newBuilder().maximumSize(MOST_HALLS).build();
	}

	private record Entry(long version, StoredLayout stored) {

		static Entry of(HallLayoutStore.Loaded loaded) {
			return new Entry(loaded.version(), loaded.stored());
		}
	}

	/**
	 * The layout version last read from the database, and until when it is taken as
	 * current.
	 */
	private record Seen(long version, long until) {
	}

	Optional<StoredLayout> get(String hall) {
		if (inReadWriteTransaction()) {
			return getInTransaction(hall);
		}
		long version = version();
		Entry entry = entries.getIfPresent(hall);
		if (entry != null && entry.version() == version) {
			return Optional.of(entry.stored());
		}
		// One reader loads, the others of the same hall wait for it.
		Entry loaded = entries.asMap()
			.compute(hall, (code, old) -> old != null && old.version() == version ? old
					: store.load(code).map(Entry::of).orElse(null));
		if (loaded == null) {
			return Optional.empty();
		}
		if (loaded.version() != version) {
			// Read after a change this node had not heard of yet: that version is the
			// current one now.
			seen = new Seen(loaded.version(), ticker.read() + freshNanos);
		}
		return Optional.of(loaded.stored());
	}

	private Optional<StoredLayout> getInTransaction(String hall) {
		HallLayoutStore.Version version = store.version();
		Entry entry = entries.getIfPresent(hall);
		if (entry != null && entry.version() == version.version()) {
			return Optional.of(entry.stored());
		}
		Optional<Entry> loaded = store.load(hall).map(Entry::of);
		if (version.clean()) {
			loaded.ifPresent(l -> entries.put(hall, l));
		}
		else {
			// This transaction may be changing the layout, and may yet roll back: keep
			// nothing of what it reads, and
			// once it commits, ask the database for the version again.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forgetVersion();
				}
			});
		}
		return loaded.map(Entry::stored);
	}

	/** The next read asks the database for the version again. */
	void forgetVersion() {
		seen = new Seen(0, Long.MIN_VALUE);
	}

	private long version() {
		long now = ticker.read();
		Seen last = seen;
		if (now < last.until()) {
			return last.version();
		}
		long version = store.version().version();
		seen = new Seen(version, now + freshNanos);
		return version;
	}

	private static boolean inReadWriteTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

}
