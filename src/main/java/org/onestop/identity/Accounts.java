package org.onestop.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads accounts with everything a request needs about them, in one statement. */
@Component
class Accounts {

	private static final String SELECT_ACCOUNT = """
			SELECT a.id, a.username, a.display_name, a.kind, a.enabled, a.password_hash, c.id_number, s.department_code,
			       ARRAY(SELECT r.role FROM identity_staff_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
			FROM identity_account a
			LEFT JOIN identity_citizen c ON c.account_id = a.id
			LEFT JOIN identity_staff s ON s.account_id = a.id
			""";

	private final JdbcClient db;

	Accounts(JdbcClient db) {
		this.db = db;
	}

	/** An account as stored, with its password hash: only for signing in. */
	record StoredAccount(long id, OneStopUser user, boolean enabled, String passwordHash) {
	}

	Optional<StoredAccount> byUsername(String username) {
		return db.sql(SELECT_ACCOUNT + " WHERE a.username = :username")
			.param("username", username)
			.query(Accounts::stored)
			.optional();
	}

	/** The account holding a live token, and when the token expires. */
	record TokenHolder(OneStopUser user, Instant expiresAt) {
	}

	Optional<TokenHolder> byTokenHash(String tokenHash, Instant now) {
		return db.sql(SELECT_ACCOUNT.replace("SELECT a.id,", "SELECT t.expires_at, a.id,") + """
				 JOIN identity_api_token t ON t.account_id = a.id
				 WHERE t.token_hash = :hash AND t.expires_at > :now AND a.enabled""")
			.param("hash", tokenHash)
			.param("now", java.sql.Timestamp.from(now))
			.query((rs, row) -> new TokenHolder(stored(rs, row).user(), rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	boolean exists(String username) {
		return db.sql("SELECT count(*) FROM identity_account WHERE username = :username")
			.param("username", username)
			.query(Integer.class)
			.single() > 0;
	}

	boolean citizenExists(org.onestop.shared.ResidentIdNumber idNumber) {
		return db.sql("SELECT count(*) FROM identity_citizen WHERE id_number = :idNumber")
			.param("idNumber", idNumber.value())
			.query(Integer.class)
			.single() > 0;
	}

	private static StoredAccount stored(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Array array = rs.getArray("roles");
		Arrays.stream((Object[]) array.getArray()).map(r -> Role.valueOf((String) r)).forEach(roles::add);
		OneStopUser user = new OneStopUser(rs.getString("username"), rs.getString("display_name"),
				"STAFF".equals(rs.getString("kind")), rs.getString("id_number"), rs.getString("department_code"), roles);
		return new StoredAccount(rs.getLong("id"), user, rs.getBoolean("enabled"), rs.getString("password_hash"));
	}
}
