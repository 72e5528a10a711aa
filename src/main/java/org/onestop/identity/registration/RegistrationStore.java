package org.onestop.identity.registration;

import java.sql.Timestamp;
import java.time.Instant;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Citizens' accounts as registration creates them, and the registration attempts counted
 * per client address.
 */
@Repository
class RegistrationStore {

	private static final String CITIZEN_EXISTS = "SELECT count(*) FROM identity_citizen WHERE id_number = :idNumber";

	private static final String NEW_ACCOUNT = """
			INSERT INTO identity_account (username, password_hash, kind, display_name)
			VALUES (:username, :hash, 'CITIZEN', :name) RETURNING id""";

	private static final String NEW_CITIZEN = """
			INSERT INTO identity_citizen (account_id, id_number, phone) VALUES (:id, :idNumber, :phone)""";

	private static final String COUNT_ATTEMPT = """
			INSERT INTO identity_registration_attempt AS a (client, window_start, attempts) VALUES (:client, :now, 1)
			ON CONFLICT (client) DO UPDATE SET
			    attempts = CASE WHEN a.window_start <= :expired THEN 1 ELSE a.attempts + 1 END,
			    window_start = CASE WHEN a.window_start <= :expired THEN :now ELSE a.window_start END
			RETURNING attempts""";

	private static final String PURGE_ATTEMPTS = """
			DELETE FROM identity_registration_attempt WHERE window_start <= :expired""";

	private final JdbcClient db;

	RegistrationStore(JdbcClient db) {
		this.db = db;
	}

	boolean citizenExists(ResidentIdNumber idNumber) {
		return db.sql(CITIZEN_EXISTS).param("idNumber", idNumber.value()).query(Integer.class).single() > 0;
	}

	/**
	 * Creates the citizen's account; a taken username or ID number fails with a duplicate
	 * key.
	 */
	void createCitizen(String username, String passwordHash, String displayName, ResidentIdNumber idNumber,
			String phone) {
		long accountId = db.sql(NEW_ACCOUNT)
			.param("username", username)
			.param("hash", passwordHash)
			.param("name", displayName)
			.query(Long.class)
			.single();
		db.sql(NEW_CITIZEN).param("id", accountId).param("idNumber", idNumber.value()).param("phone", phone).update();
	}

	/**
	 * Counts one registration attempt from the client, starting afresh when its window
	 * began at or before {@code expired}; answers the attempts in the window.
	 */
	int countAttempt(String client, Instant now, Instant expired) {
		return db.sql(COUNT_ATTEMPT)
			.param("client", client)
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(expired))
			.query(Integer.class)
			.single();
	}

	void forgetAttemptsStartedBefore(Instant expired) {
		db.sql(PURGE_ATTEMPTS).param("expired", Timestamp.from(expired)).update();
	}

}
