package org.onestop.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The city's departments. */
@Service
public class Departments {

	private final JdbcClient db;

	Departments(JdbcClient db) {
		this.db = db;
	}

	public List<Department> all() {
		return db.sql("SELECT code, name_zh, name_en FROM identity_department ORDER BY code").query(Department.class).list();
	}

	/** Department code → name in the given language, in code order. */
	public Map<String, String> names(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		all().forEach(d -> names.put(d.code(), d.name(locale)));
		return names;
	}

	public Optional<Department> byCode(String code) {
		return db.sql("SELECT code, name_zh, name_en FROM identity_department WHERE code = :code")
			.param("code", code)
			.query(Department.class)
			.optional();
	}
}
