package org.onestop.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onestop.appointment.MatterDepartments;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Component;

/** The catalog's answer to appointment's question which department handles a matter. */
@Component
class CatalogMatterDepartments implements MatterDepartments {

	private final MatterStore store;

	private final CatalogCache cache;

	CatalogMatterDepartments(MatterStore store, CatalogCache cache) {
		this.store = store;
		this.cache = cache;
	}

	@Override
	public Map<String, String> of(Collection<String> serviceCodes) {
		return store.departments(serviceCodes);
	}

	@Override
	public Map<String, LocalizedText> names(Collection<String> serviceCodes) {
		Map<String, LocalizedText> names = new LinkedHashMap<>();
		cache.matters(serviceCodes).forEach(m -> names.put(m.code(), m.definition().name()));
		return names;
	}

}
