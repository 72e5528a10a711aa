package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per typed username and locks it after {@value #MAX_FAILURES} in a row, for
 * {@link #LOCK}. Each failure is one atomic upsert, so parallel attempts on two nodes count right.
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

	Optional<Instant> lockedUntil(String username) {
		return db.sql("SELECT locked_until FROM identity_sign_in_failure WHERE username = :u AND locked_until > :now")
			.param("u", username)
			.param("now", Timestamp.from(clock.instant()))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** Records a failure; answers the end of the lock when this failure locks the username. */
	Optional<Instant> fail(String username) {
		Instant now = clock.instant();
		// A lock that has run out starts the count afresh.
		return db.sql("""
				INSERT INTO identity_sign_in_failure AS f (username, failures, locked_until) VALUES (:u, 1, NULL)
				ON CONFLICT (username) DO UPDATE SET
				    failures = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= :now THEN 1 ELSE f.failures + 1 END,
				    locked_until = CASE
				        WHEN f.locked_until IS NULL AND f.failures + 1 >= :max THEN CAST(:until AS timestamptz)
				        WHEN f.locked_until IS NOT NULL AND f.locked_until > :now THEN f.locked_until
				        ELSE NULL END
				RETURNING locked_until""")
			.param("u", username)
			.param("now", Timestamp.from(now))
			.param("max", MAX_FAILURES)
			.param("until", Timestamp.from(now.plus(LOCK)))
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	void clear(String username) {
		db.sql("DELETE FROM identity_sign_in_failure WHERE username = :u").param("u", username).update();
	}
}
