package org.onestop.identity.signin;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads accounts with everything a request needs about them, in one statement, and keeps
 * their API tokens.
 */
@Repository
class AccountStore {

	private static final String BY_USERNAME = """
			SELECT a.id, a.username, a.display_name, a.kind, a.enabled, a.password_hash, c.id_number, s.department_code,
			       ARRAY(SELECT r.role FROM identity_staff_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
			FROM identity_account a
			LEFT JOIN identity_citizen c ON c.account_id = a.id
			LEFT JOIN identity_staff s ON s.account_id = a.id
			WHERE a.username = :username""";

	private static final String BY_TOKEN_HASH = """
			SELECT t.expires_at, a.id, a.username, a.display_name, a.kind, a.enabled, a.password_hash, c.id_number,
			       s.department_code,
			       ARRAY(SELECT r.role FROM identity_staff_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
			FROM identity_account a
			LEFT JOIN identity_citizen c ON c.account_id = a.id
			LEFT JOIN identity_staff s ON s.account_id = a.id
			JOIN identity_api_token t ON t.account_id = a.id
			WHERE t.token_hash = :hash AND t.expires_at > :now AND a.enabled""";

	private static final String KEEP_TOKEN = """
			INSERT INTO identity_api_token (token_hash, account_id, issued_at, expires_at)
			SELECT :hash, id, :now, :expires FROM identity_account WHERE username = :username""";

	private static final String CITIZEN_PHONE = """
			SELECT c.phone FROM identity_citizen c JOIN identity_account a ON a.id = c.account_id
			WHERE a.username = :username""";

	private static final String FORGET_TOKEN = "DELETE FROM identity_api_token WHERE token_hash = :hash";

	private static final String FORGET_EXPIRED_TOKENS = "DELETE FROM identity_api_token WHERE expires_at < :cutoff";

	private final JdbcClient db;

	AccountStore(JdbcClient db) {
		this.db = db;
	}

	/** An account as stored, with its password hash: only for signing in. */
	record StoredAccount(long id, OneStopUser user, boolean enabled, String passwordHash) {
	}

	/** The account holding a live token, and when the token expires. */
	record TokenHolder(OneStopUser user, Instant expiresAt) {
	}

	Optional<StoredAccount> byUsername(String username) {
		return db.sql(BY_USERNAME).param("username", username).query(AccountStore::stored).optional();
	}

	Optional<TokenHolder> byTokenHash(String tokenHash, Instant now) {
		return db.sql(BY_TOKEN_HASH)
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new TokenHolder(stored(rs, row).user(), rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	/**
	 * The verified phone of a citizen's account: the registry's at registration, or the
	 * one its holder changed to with a code.
	 */
	Optional<String> citizenPhone(String username) {
		return db.sql(CITIZEN_PHONE).param("username", username).query(String.class).optional();
	}

	/** Keeps a token's hash for the account with this username. */
	void keepToken(String tokenHash, String username, Instant issuedAt, Instant expiresAt) {
		db.sql(KEEP_TOKEN)
			.param("hash", tokenHash)
			.param("now", Timestamp.from(issuedAt))
			.param("expires", Timestamp.from(expiresAt))
			.param("username", username)
			.update();
	}

	void forgetToken(String tokenHash) {
		db.sql(FORGET_TOKEN).param("hash", tokenHash).update();
	}

	void forgetTokensExpiredBefore(Instant cutoff) {
		db.sql(FORGET_EXPIRED_TOKENS).param("cutoff", Timestamp.from(cutoff)).update();
	}

	private static StoredAccount stored(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Array array = rs.getArray("roles");
		Arrays.stream((Object[]) array.getArray()).map(r -> Role.valueOf((String) r)).forEach(roles::add);
		OneStopUser user = new OneStopUser(rs.getString("username"), rs.getString("display_name"),
				"STAFF".equals(rs.getString("kind")), rs.getString("id_number"), rs.getString("department_code"),
				roles);
		return new StoredAccount(rs.getLong("id"), user, rs.getBoolean("enabled"), rs.getString("password_hash"));
	}

}
