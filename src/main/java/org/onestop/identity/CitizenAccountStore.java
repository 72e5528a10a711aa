package org.onestop.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads which citizen account a resident ID number belongs to. */
@Repository
class CitizenAccountStore {

	private static final String USERNAME = """
			SELECT a.username FROM identity_account a JOIN identity_citizen c ON c.account_id = a.id
			WHERE c.id_number = :idNumber""";

	private final JdbcClient db;

	CitizenAccountStore(JdbcClient db) {
		this.db = db;
	}

	Optional<String> username(String idNumber) {
		return db.sql(USERNAME).param("idNumber", idNumber).query(String.class).optional();
	}

}
