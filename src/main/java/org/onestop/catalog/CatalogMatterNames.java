package org.onestop.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onestop.identity.MatterNames;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Component;

/** The catalogue's answer to identity's question of the matters a mandate may name. */
@Component
class CatalogMatterNames implements MatterNames {

	private final MatterStore store;

	private final CatalogCache cache;

	CatalogMatterNames(MatterStore store, CatalogCache cache) {
		this.store = store;
		this.cache = cache;
	}

	@Override
	public Map<String, LocalizedText> names(Collection<String> serviceCodes) {
		Map<String, LocalizedText> names = new LinkedHashMap<>();
		cache.matters(serviceCodes).forEach(m -> names.put(m.code(), m.definition().name()));
		return names;
	}

	@Override
	public Map<String, LocalizedText> all() {
		Map<String, LocalizedText> names = new LinkedHashMap<>();
		store.allPublished().forEach(m -> names.put(m.code(), m.definition().name()));
		return names;
	}

}
