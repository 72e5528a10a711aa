package org.onestop.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.catalog.MatterStore.Change;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's catalog (src/main/resources/demo/catalog): life events first, then
 * every matter saved and published as version 1. Matters that exist already are left
 * alone, so loading twice, or on two nodes at once, adds nothing twice.
 */
@Component
@Profile("!prod")
@Order(40)
class CatalogDemoData implements ApplicationRunner {

	private final Catalog catalog;

	private final MatterStore store;

	private final LifeEventStore lifeEvents;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final JdbcClient db;

	CatalogDemoData(Catalog catalog, MatterStore store, LifeEventStore lifeEvents, ObjectMapper json, Clock clock,
			TransactionTemplate transactions, JdbcClient db) {
		this.catalog = catalog;
		this.store = store;
		this.lifeEvents = lifeEvents;
		this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.clock = clock;
		this.transactions = transactions;
		this.db = db;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<LifeEvent> events = read("demo/catalog/life-events.json", new TypeReference<>() {
		});
		List<MatterDefinition> matters = read("demo/catalog/matters.json", new TypeReference<>() {
		});
		// Two nodes starting together would both find a matter missing: one loads, the
		// other waits and finds it.
		transactions.executeWithoutResult(status -> {
			db.sql("SELECT pg_advisory_xact_lock(hashtext('onestop.demo.catalog'))").query().singleRow();
			load(events, matters);
		});
	}

	private void load(List<LifeEvent> events, List<MatterDefinition> matters) {
		// Matters name their life events and life events name their matters; the events
		// go in first,
		// directly, and the editors' rule that their matters exist holds once the matters
		// follow.
		for (int i = 0; i < events.size(); i++) {
			if (catalog.lifeEvent(events.get(i).code()).isEmpty()) {
				lifeEvents.put(events.get(i), i, clock.instant());
				// Every node's cached life events follow the change log, even when no
				// matter is new.
				store.recordChange(Change.Kind.LIFE_EVENT, List.of(events.get(i).code()));
			}
		}
		for (MatterDefinition matter : matters) {
			if (!store.exists(matter.code())) {
				catalog.publish("system", matter.code(), catalog.save("system", matter));
			}
		}
	}

	private <T> T read(String path, TypeReference<T> type) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readValue(in, type);
		}
	}

}
