package org.onestop.identity.demo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onestop.identity.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Adds the demo's accounts, each only once (outside production only). */
@Repository
@Profile("!prod")
class DemoAccountStore {

	private static final String COUNT_ACCOUNTS = "SELECT count(*) FROM identity_account WHERE username IN (:usernames)";

	private static final String NEW_ACCOUNT = """
			INSERT INTO identity_account (username, password_hash, kind, display_name)
			VALUES (:username, :hash, :kind, :name) ON CONFLICT (username) DO NOTHING RETURNING id""";

	private static final String NEW_CITIZEN = """
			INSERT INTO identity_citizen (account_id, id_number, phone) VALUES (:id, :idNumber, :phone)
			ON CONFLICT DO NOTHING""";

	private static final String NEW_STAFF = """
			INSERT INTO identity_staff (account_id, department_code) VALUES (:id, :department) ON CONFLICT DO NOTHING""";

	private static final String GRANT_ROLE = """
			INSERT INTO identity_staff_role (account_id, role) VALUES (:id, :role) ON CONFLICT DO NOTHING""";

	private final JdbcClient db;

	DemoAccountStore(JdbcClient db) {
		this.db = db;
	}

	/** How many of these usernames have an account. */
	int existing(Collection<String> usernames) {
		return db.sql(COUNT_ACCOUNTS).param("usernames", List.copyOf(usernames)).query(Integer.class).single();
	}

	/**
	 * Inserts the account unless it exists; answers the new id, or nothing when it
	 * existed.
	 */
	Optional<Long> newAccount(String username, String name, String kind, String passwordHash) {
		return db.sql(NEW_ACCOUNT)
			.param("username", username)
			.param("hash", passwordHash)
			.param("kind", kind)
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	void citizen(long accountId, String idNumber, String phone) {
		db.sql(NEW_CITIZEN).param("id", accountId).param("idNumber", idNumber).param("phone", phone).update();
	}

	void staff(long accountId, String department, Set<Role> roles) {
		db.sql(NEW_STAFF).param("id", accountId).param("department", department).update();
		roles.forEach(role -> db.sql(GRANT_ROLE).param("id", accountId).param("role", role.name()).update());
	}

}
