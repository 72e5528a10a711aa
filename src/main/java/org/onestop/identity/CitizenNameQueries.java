package org.onestop.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CitizenNameQueries {

	private final JdbcClient db;

	CitizenNameQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<String> name(String username) {
		return db.sql("""
				SELECT display_name FROM identity_account
				WHERE username = :u AND kind = 'CITIZEN' AND enabled""")
			.param("u", username)
			.query(String.class)
			.optional();
	}

}
