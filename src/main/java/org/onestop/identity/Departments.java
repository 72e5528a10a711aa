package org.onestop.identity;

import java.util.List;
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

	public Optional<Department> byCode(String code) {
		return db.sql("SELECT code, name_zh, name_en FROM identity_department WHERE code = :code")
			.param("code", code)
			.query(Department.class)
			.optional();
	}
}
