package org.onestop.identity.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign-in counters: failures per username and client address (with the address's
 * lock), the back-off per username from every address, and the addresses each username
 * signed in from. Every change is one atomic statement.
 */
@Repository
class SignInAttemptStore {

	// A lock that has run out starts the count afresh; a live one is left as it is.
	private static final String TAKE_ATTEMPT = """
			INSERT INTO identity_sign_in_failure AS f (username, client, failures, locked_until, updated_at)
			VALUES (:u, :client, 1, NULL, :now)
			ON CONFLICT (username, client) DO UPDATE SET
			    failures = CASE WHEN f.locked_until > :now THEN f.failures
			                    WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failures + 1 END,
			    locked_until = CASE WHEN f.locked_until > :now THEN f.locked_until
			                        WHEN f.locked_until IS NOT NULL THEN NULL
			                        WHEN f.failures + 1 > :max THEN CAST(:until AS timestamptz) ELSE NULL END,
			    updated_at = :now
			RETURNING locked_until""";

	private static final String GIVE_BACK_ATTEMPT = """
			UPDATE identity_sign_in_failure SET failures = failures - 1
			WHERE username = :u AND client = :client AND failures > 0 AND locked_until IS NULL""";

	private static final String LOCK_ADDRESS = """
			UPDATE identity_sign_in_failure SET locked_until = coalesce(locked_until, :until)
			WHERE username = :u AND client = :client AND failures >= :max RETURNING locked_until""";

	private static final String KNOWN = """
			SELECT count(*) FROM identity_sign_in_address WHERE username = :u AND client = :client AND last_success_at > :since""";

	private static final String REMEMBER_ADDRESS = """
			INSERT INTO identity_sign_in_address (username, client, last_success_at) VALUES (:u, :client, :now)
			ON CONFLICT (username, client) DO UPDATE SET last_success_at = EXCLUDED.last_success_at""";

	// Counts this check and, from the threshold on, sets the wait before the next one, in
	// one statement: no row
	// comes back while a wait runs, so parallel checks cannot all pass while the count
	// still reads below it.
	// The column keeps its old name, failures: checks counted before the password is
	// known to be wrong.
	private static final String TAKE_CHECK = """
			INSERT INTO identity_sign_in_backoff AS b (username, failures, last_failure_at, not_before)
			VALUES (:u, 1, :now, NULL)
			ON CONFLICT (username) DO UPDATE SET
			    failures = CASE WHEN b.last_failure_at <= :forgotten THEN 1 ELSE b.failures + 1 END,
			    last_failure_at = :now,
			    not_before = CASE WHEN b.last_failure_at <= :forgotten OR b.failures + 1 < :after THEN NULL
			                      ELSE CAST(:now AS timestamptz) + make_interval(secs =>
			                          least(power(2, least(b.failures + 1 - :after, 20)), :maxDelay)) END
			WHERE b.last_failure_at <= :forgotten OR b.not_before IS NULL OR b.not_before <= :now
			RETURNING failures, not_before""";

	private static final String WAIT = """
			SELECT not_before FROM identity_sign_in_backoff WHERE username = :u AND not_before > :now""";

	// A right password was not a guess; the wait it set stays, so an attacker elsewhere
	// gains nothing from it.
	private static final String GIVE_BACK_CHECK = """
			UPDATE identity_sign_in_backoff SET failures = failures - 1
			WHERE username = :u AND failures > 0 AND last_failure_at > :forgotten""";

	private static final String PURGE_FAILURES = """
			DELETE FROM identity_sign_in_failure
			WHERE updated_at < :forgotten AND (locked_until IS NULL OR locked_until < :now)""";

	private static final String PURGE_BACKOFF = "DELETE FROM identity_sign_in_backoff WHERE last_failure_at < :forgotten";

	private static final String PURGE_ADDRESSES = "DELETE FROM identity_sign_in_address WHERE last_success_at < :since";

	private static final String FORGET_ADDRESS_FAILURES = """
			DELETE FROM identity_sign_in_failure WHERE username = :u AND client = :client""";

	private static final String FORGET_ALL_FAILURES = "DELETE FROM identity_sign_in_failure WHERE username = :u";

	private static final String FORGET_BACKOFF = "DELETE FROM identity_sign_in_backoff WHERE username = :u";

	private final JdbcClient db;

	SignInAttemptStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * A check counted against the username's back-off, and when the next one may run if
	 * this one set a wait.
	 */
	record Check(int checks, Optional<Instant> nextCheck) {
	}

	/**
	 * Counts one attempt at the username from the address, locking the address until
	 * {@code lockUntil} past {@code maxFailures}; answers the end of the address's live
	 * lock, if any.
	 */
	Optional<Instant> takeAttempt(String username, String client, Instant now, int maxFailures, Instant lockUntil) {
		return db.sql(TAKE_ATTEMPT)
			.param("u", username)
			.param("client", client)
			.param("now", Timestamp.from(now))
			.param("max", maxFailures)
			.param("until", Timestamp.from(lockUntil))
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/** Gives back an attempt that was refused before the password was looked at. */
	void giveBackAttempt(String username, String client) {
		db.sql(GIVE_BACK_ATTEMPT).param("u", username).param("client", client).update();
	}

	/**
	 * Locks the address out of the username until {@code until} once it has
	 * {@code maxFailures}; answers the lock.
	 */
	Optional<Instant> lockAddress(String username, String client, Instant until, int maxFailures) {
		return db.sql(LOCK_ADDRESS)
			.param("u", username)
			.param("client", client)
			.param("until", Timestamp.from(until))
			.param("max", maxFailures)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** Whether the username signed in from the address after {@code since}. */
	boolean knownAddress(String username, String client, Instant since) {
		return db.sql(KNOWN)
			.param("u", username)
			.param("client", client)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single() > 0;
	}

	void rememberAddress(String username, String client, Instant now) {
		db.sql(REMEMBER_ADDRESS)
			.param("u", username)
			.param("client", client)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Counts a check against the username's back-off, and from the {@code after}th sets
	 * the wait before the next one (doubling, at most {@code maxDelaySeconds}); answers
	 * nothing while a wait runs.
	 */
	Optional<Check> takeCheck(String username, Instant now, Instant forgotten, int after, long maxDelaySeconds) {
		return db.sql(TAKE_CHECK)
			.param("u", username)
			.param("now", Timestamp.from(now))
			.param("forgotten", Timestamp.from(forgotten))
			.param("after", after)
			.param("maxDelay", maxDelaySeconds)
			.query((rs, row) -> new Check(rs.getInt(1),
					Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
			.optional();
	}

	/** When the username's running wait ends, if one runs at {@code now}. */
	Optional<Instant> waitUntil(String username, Instant now) {
		return db.sql(WAIT)
			.param("u", username)
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * Gives back a check that was not a guess, unless the back-off was forgotten since.
	 */
	void giveBackCheck(String username, Instant forgotten) {
		db.sql(GIVE_BACK_CHECK).param("u", username).param("forgotten", Timestamp.from(forgotten)).update();
	}

	/** Forgets the address's failures at the username, and its lock. */
	void forgetFailures(String username, String client) {
		db.sql(FORGET_ADDRESS_FAILURES).param("u", username).param("client", client).update();
	}

	/**
	 * Forgets every address's failures and locks at the username, and its back-off;
	 * answers whether any were.
	 */
	boolean forgetEverywhere(String username) {
		int addresses = db.sql(FORGET_ALL_FAILURES).param("u", username).update();
		int backoff = db.sql(FORGET_BACKOFF).param("u", username).update();
		return addresses + backoff > 0;
	}

	/**
	 * Forgets what tells nothing any more: old unlocked failures, old back-offs,
	 * addresses not used since.
	 */
	void purge(Instant now, Instant forgotten, Instant addressesSince) {
		db.sql(PURGE_FAILURES).param("forgotten", Timestamp.from(forgotten)).param("now", Timestamp.from(now)).update();
		db.sql(PURGE_BACKOFF).param("forgotten", Timestamp.from(forgotten)).update();
		db.sql(PURGE_ADDRESSES).param("since", Timestamp.from(addressesSince)).update();
	}

}
