package org.onestop.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.catalog.MatterStore.Change;
import org.onestop.catalog.search.CatalogIndex;
import org.onestop.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service catalog's API: find, search, and edit matters and life events. */
@Service
public class Catalog {

	private final MatterStore store;

	private final LifeEventStore lifeEvents;

	private final SynonymStore synonyms;

	private final CatalogIndexSync index;

	private final CatalogCache cache;

	private final MatterRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(MatterStore store, LifeEventStore lifeEvents, SynonymStore synonyms, CatalogIndexSync index,
			CatalogCache cache, MatterRules rules, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.lifeEvents = lifeEvents;
		this.synonyms = synonyms;
		this.index = index;
		this.cache = cache;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The published version of a matter; nothing when it is unknown, a draft or
	 * withdrawn. Read from the database, for callers that act on it; the public catalog
	 * pages read this node's cache.
	 */
	public Optional<Matter> matter(String code) {
		return store.published(code);
	}

	/**
	 * The published version of a matter as the public catalog pages show it: read through
	 * this node's cache, so that a change made on another node shows within the sync
	 * interval (about 1 s). Act on {@link #matter(String)}.
	 */
	public Optional<Matter> cachedMatter(String code) {
		return cache.matter(code);
	}

	/**
	 * The published matters among these codes, in their order, read like
	 * {@link #cachedMatter(String)}.
	 */
	public List<Matter> cachedMatters(Collection<String> codes) {
		return cache.matters(codes);
	}

	/**
	 * The life events in the order they are shown, read like
	 * {@link #cachedMatter(String)}.
	 */
	public List<LifeEvent> cachedLifeEvents() {
		return cache.lifeEvents();
	}

	/** One life event, read like {@link #cachedMatter(String)}. */
	public Optional<LifeEvent> cachedLifeEvent(String code) {
		return cache.lifeEvent(code);
	}

	/**
	 * A given version of a matter, whatever its status: what an application made under it
	 * refers to.
	 */
	public Optional<Matter> matter(String code, int version) {
		return store.version(code, version);
	}

	/**
	 * The catalog revision this node's index and cache of published matters have caught
	 * up with (negative before the first sync): what a copy of a public answer is filed
	 * under, so that it is thrown away on the node's next sync after any publish,
	 * withdrawal, life-event or synonym change, wherever it was made.
	 */
	public long revision() {
		return index.revision();
	}

	/**
	 * Searches the published matters. The matters found are read through this node's
	 * cache of published matters, which follows the catalog's revision together with the
	 * index: a matter withdrawn or republished on another node shows its new state here
	 * within the sync interval (about 1 s), one changed on this node at once.
	 */
	public CatalogSearchResults search(MatterQuery query) {
		CatalogIndex.Hits hits = index.index().search(query);
		List<Matter> items = cache.matters(hits.codes());
		long missing = hits.codes().size() - items.size();
		return new CatalogSearchResults(items, Math.max(0, hits.total() - missing));
	}

	/**
	 * The published matters that best match a whole question (names, descriptions,
	 * eligibility and each FAQ, in both languages, with synonyms and English typos), best
	 * first, with their scores so that the caller can judge how clear the best one is.
	 * Read like {@link #search}.
	 */
	public List<MatterMatch> suggest(String question, int limit) {
		List<CatalogIndex.Scored> scored = index.index().suggest(question, limit);
		Map<String, Matter> published = cache.matters(scored.stream().map(CatalogIndex.Scored::code).toList())
			.stream()
			.collect(Collectors.toMap(Matter::code, Function.identity()));
		return scored.stream()
			.filter(s -> published.containsKey(s.code()))
			.map(s -> new MatterMatch(published.get(s.code()), s.score()))
			.toList();
	}

	/** The latest version of a matter, whatever its status: what editors edit next. */
	public Optional<Matter> latest(String code) {
		return store.latest(code);
	}

	/**
	 * Every matter's latest version and which version the public sees: the editors'
	 * overview.
	 */
	public List<EditorialEntry> editorial() {
		return store.editorial();
	}

	/**
	 * The life events in the order they are shown, read from the database: for editors
	 * and callers that act.
	 */
	public List<LifeEvent> lifeEvents() {
		return lifeEvents.all();
	}

	public Optional<LifeEvent> lifeEvent(String code) {
		return lifeEvents.find(code);
	}

	/** Saves a new version of a matter, as a draft; answers its version number. */
	@Transactional
	public int save(String actor, MatterDefinition definition) {
		rules.check(definition);
		int version = store.saveVersion(definition, actor, clock.instant());
		events.publishEvent(new CatalogChanged(actor, "matter.saved", definition.code(), version));
		return version;
	}

	@Transactional
	public void publish(String actor, String code, int version) {
		if (!store.publish(code, version, clock.instant())) {
			throw new NotFoundException("catalog.matter.version-not-found");
		}
		store.recordChange(Change.Kind.MATTER, List.of(code));
		events.publishEvent(new CatalogChanged(actor, "matter.published", code, version));
	}

	@Transactional
	public void withdraw(String actor, String code) {
		if (!store.withdraw(code, clock.instant())) {
			throw new NotFoundException("catalog.matter.not-found");
		}
		store.recordChange(Change.Kind.MATTER, List.of(code));
		events.publishEvent(new CatalogChanged(actor, "matter.withdrawn", code, 0));
	}

	/** Saves a life event where it stands in the list, a new one last. */
	@Transactional
	public void saveLifeEvent(String actor, LifeEvent event) {
		List<String> codes = lifeEvents.all().stream().map(LifeEvent::code).toList();
		int position = codes.indexOf(event.code());
		saveLifeEvent(actor, event, position < 0 ? codes.size() : position);
	}

	/** Saves a life event at this place in the list (from 0). */
	@Transactional
	public void saveLifeEvent(String actor, LifeEvent event, int position) {
		rules.check(event);
		lifeEvents.put(event, position, clock.instant());
		store.recordChange(Change.Kind.LIFE_EVENT, List.of(event.code()));
		events.publishEvent(new CatalogChanged(actor, "life-event.saved", event.code(), 0));
	}

	/** Adds a synonym group such as {@code 低保, 最低生活保障, subsistence allowance}. */
	@Transactional
	public void addSynonyms(String actor, String line) {
		rules.checkSynonyms(line);
		CatalogIndex.checkSynonyms(line.strip());
		if (synonyms.add(line.strip(), actor, clock.instant())) {
			store.recordChange(Change.Kind.SYNONYMS, List.of("synonyms"));
			events.publishEvent(new CatalogChanged(actor, "synonyms.added", "synonyms", 0));
		}
	}

	public List<String> addedSynonyms() {
		return synonyms.added();
	}

}
