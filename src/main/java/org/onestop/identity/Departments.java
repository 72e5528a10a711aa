package org.onestop.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The city's departments. */
@Service
public class Departments {

	private final DirectoryStore store;

	Departments(DirectoryStore store) {
		this.store = store;
	}

	public List<Department> all() {
		return store.departments();
	}

	/** Department code → name in the given language, in code order. */
	public Map<String, String> names(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		all().forEach(d -> names.put(d.code(), d.name(locale)));
		return names;
	}

	public Optional<Department> byCode(String code) {
		return store.department(code);
	}

}
