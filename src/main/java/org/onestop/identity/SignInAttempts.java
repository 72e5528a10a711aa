package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per typed username and locks it after {@value #MAX_FAILURES} failures in a
 * row, for {@link #LOCK}. Each attempt is counted by one atomic upsert before the password is checked,
 * so parallel attempts on two nodes count right and get at most five guesses.
 */
@Component
class SignInAttempts {

	static final int MAX_FAILURES = 5;
	static final Duration LOCK = Duration.ofMinutes(15);

	private final JdbcClient db;
	private final Clock clock;

	SignInAttempts(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Takes one attempt before the password is checked, atomically, so that parallel guesses cannot all
	 * pass a lock check made before any of them is counted. Answers the end of the lock when the
	 * username is locked (and the password must not be checked).
	 */
	Optional<Instant> attempt(String username) {
		Instant now = clock.instant();
		// A lock that has run out starts the count afresh; a live one is left as it is.
		return db.sql("""
				INSERT INTO identity_sign_in_failure AS f (username, failures, locked_until) VALUES (:u, 1, NULL)
				ON CONFLICT (username) DO UPDATE SET
				    failures = CASE WHEN f.locked_until > :now THEN f.failures
				                    WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failures + 1 END,
				    locked_until = CASE WHEN f.locked_until > :now THEN f.locked_until
				                        WHEN f.locked_until IS NOT NULL THEN NULL
				                        WHEN f.failures + 1 > :max THEN CAST(:until AS timestamptz) ELSE NULL END
				RETURNING locked_until""")
			.param("u", username)
			.param("now", Timestamp.from(now))
			.param("max", MAX_FAILURES)
			.param("until", Timestamp.from(now.plus(LOCK)))
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/** The attempt failed: the fifth failure in a row locks the username now. Answers the end of the lock. */
	Optional<Instant> failed(String username) {
		Instant until = clock.instant().plus(LOCK);
		return db.sql("""
				UPDATE identity_sign_in_failure SET locked_until = coalesce(locked_until, :until)
				WHERE username = :u AND failures >= :max RETURNING locked_until""")
			.param("u", username).param("until", Timestamp.from(until)).param("max", MAX_FAILURES)
			.query(Timestamp.class).optional().map(Timestamp::toInstant);
	}

	void clear(String username) {
		db.sql("DELETE FROM identity_sign_in_failure WHERE username = :u").param("u", username).update();
	}
}
