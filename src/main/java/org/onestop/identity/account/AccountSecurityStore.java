package org.onestop.identity.account;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Citizens' accounts as their holder secures them: password, verified phone, tokens. */
@Repository
class AccountSecurityStore {

	private static final String HOLDER = """
			SELECT a.id, a.username, a.password_hash, c.phone, a.enabled
			FROM identity_account a JOIN identity_citizen c ON c.account_id = a.id""";

	private static final String BY_USERNAME = HOLDER + " WHERE a.username = :username";

	// Two are enough to know that a phone is shared.
	private static final String BY_PHONE = HOLDER + " WHERE c.phone = :phone ORDER BY a.id LIMIT 2";

	private static final String SET_PASSWORD = "UPDATE identity_account SET password_hash = :hash WHERE id = :id";

	private static final String SET_PHONE = "UPDATE identity_citizen SET phone = :phone WHERE account_id = :id";

	private static final String FORGET_TOKENS = "DELETE FROM identity_api_token WHERE account_id = :id";

	private final JdbcClient db;

	AccountSecurityStore(JdbcClient db) {
		this.db = db;
	}

	/** A citizen's account: its password hash and the phone codes go to. */
	record Holder(long id, String username, String passwordHash, String phone, boolean enabled) {
	}

	Optional<Holder> citizen(String username) {
		return db.sql(BY_USERNAME).param("username", username).query(Holder.class).optional();
	}

	/** At most two citizens' accounts with this verified phone. */
	List<Holder> citizensWithPhone(String phone) {
		return db.sql(BY_PHONE).param("phone", phone).query(Holder.class).list();
	}

	void setPassword(long id, String hash) {
		db.sql(SET_PASSWORD).param("hash", hash).param("id", id).update();
	}

	void setPhone(long id, String phone) {
		db.sql(SET_PHONE).param("phone", phone).param("id", id).update();
	}

	void forgetTokens(long id) {
		db.sql(FORGET_TOKENS).param("id", id).update();
	}

}
