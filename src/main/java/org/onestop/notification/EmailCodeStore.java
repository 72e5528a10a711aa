package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_email_code} table: one live code per person, by its hash, with
 * the codes issued that day.
 */
@Repository
class EmailCodeStore {

	// Replaces the live code and counts it, in one statement: at the day's limit the
	// update matches nothing and no row comes back, on whichever node asks.
	private static final String ISSUE = """
			INSERT INTO notification_email_code AS c (username, email, code_hash, expires_at, tries_left, day, issued)
			VALUES (:username, :email, :hash, :expires, :tries, :day, 1)
			ON CONFLICT (username) DO UPDATE SET email = EXCLUDED.email, code_hash = EXCLUDED.code_hash,
			    expires_at = EXCLUDED.expires_at, tries_left = EXCLUDED.tries_left,
			    issued = CASE WHEN c.day = EXCLUDED.day THEN c.issued + 1 ELSE 1 END, day = EXCLUDED.day
			WHERE c.day <> EXCLUDED.day OR c.issued < :perDay
			RETURNING issued""";

	// A try is spent before the code is compared, so that guesses in parallel cannot
	// exceed the tries.
	private static final String TRY = """
			UPDATE notification_email_code SET tries_left = tries_left - 1
			WHERE username = :username AND expires_at > :now AND tries_left > 0
			RETURNING email, code_hash""";

	private static final String SPEND = """
			UPDATE notification_email_code SET tries_left = 0, expires_at = :now
			WHERE username = :username AND code_hash = :hash AND expires_at > :now""";

	private final JdbcClient db;

	EmailCodeStore(JdbcClient db) {
		this.db = db;
	}

	record Live(String email, String hash) {
	}

	/** Keeps a new code for the person; false when the day's codes are used up. */
	boolean issue(String username, String email, String hash, Instant expires, int tries, LocalDate day, int perDay) {
		return db.sql(ISSUE)
			.param("username", username)
			.param("email", email)
			.param("hash", hash)
			.param("expires", Timestamp.from(expires))
			.param("tries", tries)
			.param("day", day)
			.param("perDay", perDay)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * Whether the person has used up the day's codes: a cheap look before BCrypt runs, so
	 * that asking past the limit costs the server nothing (the upsert in {@link #issue}
	 * still decides, for requests that race).
	 */
	boolean spentFor(String username, LocalDate day, int perDay) {
		return db.sql("SELECT issued >= :perDay FROM notification_email_code WHERE username = :username AND day = :day")
			.param("username", username)
			.param("day", day)
			.param("perDay", perDay)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Spends one try of the live code, if there is one with tries left. */
	Optional<Live> attempt(String username, Instant now) {
		return db.sql(TRY)
			.param("username", username)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Live(rs.getString("email"), rs.getString("code_hash")))
			.optional();
	}

	/** Ends the code once it has proved the address; false if another request did. */
	boolean spend(String username, String hash, Instant now) {
		return db.sql(SPEND)
			.param("username", username)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

}
