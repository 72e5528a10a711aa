package org.onestop.identity.staff;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onestop.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts: the account, its department and its roles. */
@Repository
class StaffStore {

	private static final String LIST = """
			SELECT a.username, a.display_name, s.department_code, a.enabled,
			       ARRAY(SELECT r.role FROM identity_staff_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
			FROM identity_account a JOIN identity_staff s ON s.account_id = a.id ORDER BY s.department_code, a.username""";

	private static final String NEW_ACCOUNT = """
			INSERT INTO identity_account (username, password_hash, kind, display_name)
			VALUES (:username, :hash, 'STAFF', :name) RETURNING id""";

	private static final String NEW_STAFF = """
			INSERT INTO identity_staff (account_id, department_code) VALUES (:id, :department)""";

	private static final String LOCK = """
			SELECT a.id FROM identity_account a JOIN identity_staff s ON s.account_id = a.id
			WHERE a.username = :username FOR UPDATE OF a""";

	private static final String CHANGE_ACCOUNT = """
			UPDATE identity_account SET display_name = :name, enabled = :enabled WHERE id = :id""";

	private static final String CHANGE_DEPARTMENT = """
			UPDATE identity_staff SET department_code = :department WHERE account_id = :id""";

	private static final String FORGET_ROLES = "DELETE FROM identity_staff_role WHERE account_id = :id";

	private static final String GRANT_ROLE = "INSERT INTO identity_staff_role (account_id, role) VALUES (:id, :role)";

	private static final String FORGET_TOKENS = "DELETE FROM identity_api_token WHERE account_id = :id";

	private static final String ANY_ADMINISTRATOR = "SELECT count(*) FROM identity_staff_role WHERE role = :role";

	private final JdbcClient db;

	StaffStore(JdbcClient db) {
		this.db = db;
	}

	List<StaffMember> list() {
		return db.sql(LIST)
			.query((rs, n) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3),
					Arrays.stream((Object[]) rs.getArray("roles").getArray())
						.map(r -> Role.valueOf((String) r))
						.toList(),
					rs.getBoolean(4)))
			.list();
	}

	/**
	 * Creates a staff account; a taken username fails with a duplicate key. Answers the
	 * account's id.
	 */
	long create(String username, String passwordHash, String displayName, String department, Set<Role> roles) {
		long accountId = db.sql(NEW_ACCOUNT)
			.param("username", username)
			.param("hash", passwordHash)
			.param("name", displayName)
			.query(Long.class)
			.single();
		db.sql(NEW_STAFF).param("id", accountId).param("department", department).update();
		grant(accountId, roles);
		return accountId;
	}

	/**
	 * The staff account's id, locked until the transaction ends, if there is such a staff
	 * account.
	 */
	Optional<Long> lock(String username) {
		return db.sql(LOCK).param("username", username).query(Long.class).optional();
	}

	/**
	 * Sets the account's name, standing, department and roles (replacing the roles it
	 * had).
	 */
	void change(long accountId, String displayName, boolean enabled, String department, Set<Role> roles) {
		db.sql(CHANGE_ACCOUNT).param("name", displayName).param("enabled", enabled).param("id", accountId).update();
		db.sql(CHANGE_DEPARTMENT).param("department", department).param("id", accountId).update();
		db.sql(FORGET_ROLES).param("id", accountId).update();
		grant(accountId, roles);
	}

	/** Ends every API token of the account. */
	void forgetTokens(long accountId) {
		db.sql(FORGET_TOKENS).param("id", accountId).update();
	}

	boolean anyAdministrator() {
		return db.sql(ANY_ADMINISTRATOR).param("role", Role.ADMIN.name()).query(Integer.class).single() > 0;
	}

	private void grant(long accountId, Set<Role> roles) {
		for (Role role : roles) {
			db.sql(GRANT_ROLE).param("id", accountId).param("role", role.name()).update();
		}
	}

}
