package org.onestop.identity.code;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The live one-time codes, one per purpose and subject, each with its hash, what it
 * vouches for and its tries.
 */
@Repository
class OneTimeCodeStore {

	private static final String ISSUE = """
			INSERT INTO identity_one_time_code (purpose, subject, code_hash, phone, display_name, expires_at, attempts_left)
			VALUES (:purpose, :subject, :hash, :phone, :name, :expires, :attempts)
			ON CONFLICT (purpose, subject) DO UPDATE SET code_hash = EXCLUDED.code_hash, phone = EXCLUDED.phone,
			    display_name = EXCLUDED.display_name, expires_at = EXCLUDED.expires_at, attempts_left = EXCLUDED.attempts_left""";

	// Takes one try atomically, committed at once: parallel tries each cost one, and no
	// more than the code has.
	private static final String TAKE_TRY = """
			UPDATE identity_one_time_code SET attempts_left = attempts_left - 1
			WHERE purpose = :purpose AND subject = :subject AND expires_at > :now AND attempts_left > 0
			RETURNING code_hash, phone, display_name""";

	// Only the code that was checked: a parallel right try, or a newer code, wins
	// instead.
	private static final String SPEND = """
			DELETE FROM identity_one_time_code WHERE purpose = :purpose AND subject = :subject AND code_hash = :hash""";

	private static final String FORGET_EXPIRED = "DELETE FROM identity_one_time_code WHERE expires_at < :cutoff";

	private final JdbcClient db;

	OneTimeCodeStore(JdbcClient db) {
		this.db = db;
	}

	/** A live code as stored: its hash, and what it vouches for. */
	record StoredCode(String hash, OneTimeCodes.Redeemed vouched) {
	}

	/** Keeps a new code for the subject, replacing any live one. */
	void keep(CodePurpose purpose, String subject, String hash, String phone, String displayName, Instant expires,
			int attempts) {
		db.sql(ISSUE)
			.param("purpose", purpose.name())
			.param("subject", subject)
			.param("hash", hash)
			.param("phone", phone)
			.param("name", displayName)
			.param("expires", Timestamp.from(expires))
			.param("attempts", attempts)
			.update();
	}

	/**
	 * Takes one try at the subject's live code, and answers the code, if there is one
	 * with tries left.
	 */
	Optional<StoredCode> takeTry(CodePurpose purpose, String subject, Instant now) {
		return db.sql(TAKE_TRY)
			.param("purpose", purpose.name())
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new StoredCode(rs.getString(1),
					new OneTimeCodes.Redeemed(rs.getString(2), rs.getString(3))))
			.optional();
	}

	/** Spends the code with this hash; answers whether it was still there. */
	boolean spend(CodePurpose purpose, String subject, String hash) {
		return db.sql(SPEND)
			.param("purpose", purpose.name())
			.param("subject", subject)
			.param("hash", hash)
			.update() == 1;
	}

	/** Drops every live code of this purpose that vouches for this name. */
	void forgetVouchingFor(CodePurpose purpose, String displayName) {
		db.sql("DELETE FROM identity_one_time_code WHERE purpose = :p AND display_name = :n")
			.param("p", purpose.name())
			.param("n", displayName)
			.update();
	}

	void forgetExpiredBefore(Instant cutoff) {
		db.sql(FORGET_EXPIRED).param("cutoff", Timestamp.from(cutoff)).update();
	}

}
