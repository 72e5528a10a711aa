package org.onestop.catalog;

import java.util.Collection;
import java.util.Map;

import org.onestop.appointment.MatterDepartments;
import org.springframework.stereotype.Component;

/** The catalog's answer to appointment's question which department handles a matter. */
@Component
class CatalogMatterDepartments implements MatterDepartments {

	private final MatterStore store;

	CatalogMatterDepartments(MatterStore store) {
		this.store = store;
	}

	@Override
	public Map<String, String> of(Collection<String> serviceCodes) {
		return store.departments(serviceCodes);
	}

}
