package org.onestop.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.onestop.catalog.MatterStore.Change;
import org.onestop.catalog.search.CatalogIndex;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's search index equal to the published catalog: a full build at start,
 * then every change in the catalog's change log, whichever node made it (polled every
 * second, and at once after this node's own changes commit). The revision it has applied
 * is also what {@link CatalogCache} files its entries under.
 */
@Component
class CatalogIndexSync {

	private final MatterStore store;

	private final SynonymStore synonyms;

	private final CatalogIndex index;

	private volatile long seen = -1;

	CatalogIndexSync(MatterStore store, SynonymStore synonyms) {
		this.store = store;
		this.synonyms = synonyms;
		this.index = new CatalogIndex(synonyms.all());
	}

	CatalogIndex index() {
		return index;
	}

	/**
	 * The catalog revision this node has caught up with; negative before the first sync.
	 */
	long revision() {
		return seen;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		sync();
	}

	@TransactionalEventListener
	void afterOwnChange(CatalogChanged change) {
		sync();
	}

	@Scheduled(fixedDelayString = "${onestop.catalog.sync-interval:PT1S}", initialDelayString = "PT1S")
	synchronized void sync() {
		long current = store.revision();
		if (current == seen) {
			return;
		}
		if (seen < 0) {
			index.useSynonyms(synonyms.all());
			index.replaceAll(store.allPublished().stream().map(Matter::definition).toList());
		}
		else {
			List<MatterStore.Change> changes = store.changes(seen, current);
			if (changes.stream().anyMatch(c -> c.kind() == Change.Kind.SYNONYMS)) {
				index.useSynonyms(synonyms.all());
			}
			Set<String> codes = new HashSet<>();
			changes.stream().filter(c -> c.kind() == Change.Kind.MATTER).forEach(c -> codes.add(c.code()));
			List<Matter> published = store.published(codes);
			published.forEach(m -> codes.remove(m.code()));
			index.apply(published.stream().map(Matter::definition).toList(), codes);
		}
		seen = current;
	}

}
