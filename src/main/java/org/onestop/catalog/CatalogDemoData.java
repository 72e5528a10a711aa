package org.onestop.catalog;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo city's catalog (src/main/resources/demo/catalog): life events first, then every matter
 * saved and published as version 1. Matters that exist already are left alone, so loading twice, or
 * on two nodes at once, adds nothing twice.
 */
@Component
@Profile("!prod")
@Order(40)
class CatalogDemoData implements ApplicationRunner {

	private final Catalog catalog;
	private final MatterStore store;
	private final LifeEvents lifeEvents;
	private final ObjectMapper json;
	private final java.time.Clock clock;

	CatalogDemoData(Catalog catalog, MatterStore store, LifeEvents lifeEvents, ObjectMapper json, java.time.Clock clock) {
		this.clock = clock;
		this.catalog = catalog;
		this.store = store;
		this.lifeEvents = lifeEvents;
		this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<LifeEvent> events = read("demo/catalog/life-events.json", new TypeReference<>() {
		});
		// Matters name their life events and life events name their matters; the events go in first,
		// directly, and the editors' rule that their matters exist holds once the matters follow.
		for (int i = 0; i < events.size(); i++) {
			if (catalog.lifeEvent(events.get(i).code()).isEmpty()) {
				lifeEvents.put(events.get(i), i, clock.instant());
			}
		}
		List<MatterDefinition> matters = read("demo/catalog/matters.json", new TypeReference<>() {
		});
		for (MatterDefinition matter : matters) {
			if (!store.exists(matter.code())) {
				try {
					catalog.publish("system", matter.code(), catalog.save("system", matter));
				}
				catch (org.springframework.dao.DuplicateKeyException ex) {
					// Another node loaded it at the same moment.
				}
			}
		}
	}

	private <T> T read(String path, TypeReference<T> type) throws IOException {
		try (var in = new ClassPathResource(path).getInputStream()) {
			return json.readValue(in, type);
		}
	}
}
