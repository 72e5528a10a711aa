package org.onestop.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the public catalog pages read — the published matters by code, and the life events
 * — kept in this node's memory: a crowd reads them thousands of times a second, editors
 * change them a few times a day.
 *
 * <p>
 * How fresh: every entry is filed under the catalog revision that
 * {@link CatalogIndexSync} had applied when the read began (taken before the database is
 * asked), and is served only while that is still the revision the sync has applied. So a
 * publish, withdrawal or life-event edit committed on another node is served by this node
 * from the moment its sync has seen it: within one sync interval
 * ({@code onestop.catalog.sync-interval}, 1 s) plus the time the sync takes, the same lag
 * as this node's search index. One committed on this node is served before the request
 * that made it answers, since the sync runs right after this node's commit. Should the
 * sync stop (a database outage, a starved scheduler), entries are read again at least
 * every {@link #AT_MOST}.
 *
 * <p>
 * What is never kept: drafts and older versions, anything per citizen, what editors'
 * pages read (they read the database through {@link Catalog}), matter codes that are not
 * published, and anything read inside a transaction (that transaction may be the one
 * changing the catalog, and may yet roll back; and a loader never waits for another while
 * holding a connection).
 */
@Component
class CatalogCache {

	/** Room for a large city's catalog (the benchmarks use 5,000 matters). */
	private static final int MOST_MATTERS = 5_000;

	private static final Duration AT_MOST = Duration.ofSeconds(30);

	private static final String ALL = "all";

	private final MatterStore store;

	private final LifeEventStore lifeEvents;

	private final CatalogIndexSync sync;

	private final Cache<String, Entry<Matter>> matters;

	private final Cache<String, Entry<List<LifeEvent>>> events;

	CatalogCache(MatterStore store, LifeEventStore lifeEvents, CatalogIndexSync sync) {
		this.store = store;
		this.lifeEvents = lifeEvents;
		this.sync = sync;
		this.matters = Caffeine.newBuilder().maximumSize(MOST_MATTERS).expireAfterWrite(AT_MOST).build();
		this.events = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(AT_MOST).build();
	}

	/** A value and the revision under which it was read (or a later one). */
	private record Entry<T>(long revision, T value) {
	}

	/**
	 * The published version of a matter; nothing when it is unknown, a draft or
	 * withdrawn.
	 */
	Optional<Matter> matter(String code) {
		return get(matters, code, () -> store.published(code));
	}

	/** The published matters among these codes, in their order. */
	List<Matter> matters(Collection<String> codes) {
		long revision = sync.revision();
		if (revision < 0 || inTransaction()) {
			return inOrder(codes, store.published(codes));
		}
		List<Matter> found = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String code : codes) {
			Entry<Matter> entry = matters.getIfPresent(code);
			if (entry != null && entry.revision() >= revision) {
				found.add(entry.value());
			}
			else {
				missing.add(code);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		// One query for all that are missing; a search page has up to a hundred.
		List<Matter> loaded = store.published(missing);
		for (Matter matter : loaded) {
			matters.asMap()
				.merge(matter.code(), new Entry<>(revision, matter),
						(old, read) -> old.revision() >= read.revision() ? old : read);
		}
		found.addAll(loaded);
		return inOrder(codes, found);
	}

	List<LifeEvent> lifeEvents() {
		return get(events, ALL, () -> Optional.of(lifeEvents.all())).orElseThrow();
	}

	Optional<LifeEvent> lifeEvent(String code) {
		return lifeEvents().stream().filter(e -> e.code().equals(code)).findFirst();
	}

	private <T> Optional<T> get(Cache<String, Entry<T>> cache, String key, Supplier<Optional<T>> load) {
		long revision = sync.revision();
		if (revision < 0 || inTransaction()) {
			return load.get();
		}
		Entry<T> entry = cache.getIfPresent(key);
		if (entry != null && entry.revision() >= revision) {
			return Optional.of(entry.value());
		}
		// One reader loads, the others of the same key wait for it; what is not there is
		// not kept.
		Entry<T> loaded = cache.asMap()
			.compute(key, (k, old) -> old != null && old.revision() >= revision ? old
					: load.get().map(value -> new Entry<>(revision, value)).orElse(null));
		return Optional.ofNullable(loaded).map(Entry::value);
	}

	private static List<Matter> inOrder(Collection<String> codes, List<Matter> found) {
		Map<String, Matter> byCode = new LinkedHashMap<>();
		found.forEach(m -> byCode.put(m.code(), m));
		return codes.stream().map(byCode::get).filter(m -> m != null).toList();
	}

	private static boolean inTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive();
	}

}
