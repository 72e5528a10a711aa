package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in limits that cost the attacker rather than the victim. Two counters, both kept in the database by atomic
 * statements so that any number of nodes count right:
 * <ul>
 * <li>per typed username <em>and client address</em>: {@value #MAX_FAILURES} failures in a row lock that address out
 * of that username for {@link #LOCK}. An attacker locks only their own address; the real user elsewhere signs in.</li>
 * <li>per username from every address, the back-off: after {@value #BACKOFF_AFTER} failures (forgotten
 * {@link #FORGET_AFTER} after the last one, reset by a success) each further password check must wait
 * 1, 2, 4 … seconds, at most {@link #MAX_DELAY}, and only one check runs per wait. A guessing attack spread over
 * any number of addresses then gets at most 12 guesses an hour (288 a day) at one username, instead of 20 an hour
 * per address it controls. Addresses from which the username signed in (or unlocked by phone) in the last
 * {@link #KNOWN_FOR} skip the back-off, so the attack does not keep the real user out.</li>
 * </ul>
 * Both apply to any typed username, existing or not, so that a refusal says nothing about who has an account.
 */
@Component
class SignInAttempts {

	static final int MAX_FAILURES = 5;
	static final Duration LOCK = Duration.ofMinutes(15);
	static final int BACKOFF_AFTER = 10;
	static final Duration MAX_DELAY = Duration.ofMinutes(5);
	static final Duration FORGET_AFTER = Duration.ofDays(1);
	static final Duration KNOWN_FOR = Duration.ofDays(30);

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

	// Counters of addresses that have gone quiet tell nothing any more; kept from growing without end.
	private static final String FORGET_QUIET_ADDRESSES = """
			DELETE FROM identity_sign_in_failure WHERE username = :u AND updated_at < :cutoff
			AND (locked_until IS NULL OR locked_until < :now)""";

	private static final String KNOWN = """
			SELECT count(*) FROM identity_sign_in_address WHERE username = :u AND client = :client AND last_success_at > :since""";

	private static final String REMEMBER_ADDRESS = """
			INSERT INTO identity_sign_in_address (username, client, last_success_at) VALUES (:u, :client, :now)
			ON CONFLICT (username, client) DO UPDATE SET last_success_at = EXCLUDED.last_success_at""";

	private static final String FORGET_OLD_ADDRESSES = """
			DELETE FROM identity_sign_in_address WHERE username = :u AND last_success_at < :cutoff""";

	// Compare-and-set: only one check per wait, whichever node it arrives at.
	private static final String TAKE_BACKOFF_SLOT = """
			UPDATE identity_sign_in_backoff SET not_before = :reserved
			WHERE username = :u AND failures >= :after AND last_failure_at > :forgotten
			  AND (not_before IS NULL OR not_before <= :now)""";

	private static final String BACKOFF = """
			SELECT failures, not_before FROM identity_sign_in_backoff WHERE username = :u AND last_failure_at > :forgotten""";

	private static final String COUNT_BACKOFF_FAILURE = """
			INSERT INTO identity_sign_in_backoff AS b (username, failures, last_failure_at, not_before)
			VALUES (:u, 1, :now, NULL)
			ON CONFLICT (username) DO UPDATE SET
			    failures = CASE WHEN b.last_failure_at <= :forgotten THEN 1 ELSE b.failures + 1 END,
			    last_failure_at = :now
			RETURNING failures""";

	private static final String DELAY_BACKOFF = "UPDATE identity_sign_in_backoff SET not_before = :notBefore WHERE username = :u";

	private static final String LOCKS = """
			SELECT coalesce(f.username, b.username), coalesce(f.addresses, 0), f.until, coalesce(b.failures, 0), b.not_before
			FROM (SELECT username, count(*) AS addresses, max(locked_until) AS until FROM identity_sign_in_failure
			      WHERE locked_until > :now GROUP BY username) f
			FULL JOIN (SELECT username, failures, not_before FROM identity_sign_in_backoff
			           WHERE failures >= :after AND last_failure_at > :forgotten) b ON b.username = f.username
			ORDER BY 1 LIMIT 500""";

	private final JdbcClient db;
	private final Clock clock;

	SignInAttempts(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Why a password may not be checked now.
	 *
	 * @param everywhere false: this address is locked out of the username; true: the username's back-off
	 */
	record Refusal(Instant until, boolean everywhere) {
	}

	/** What a failure changed. */
	record Failure(Optional<Instant> addressLockedUntil, Optional<Instant> backoffStartedUntil) {
	}

	/**
	 * Takes one attempt before the password is checked, atomically, so that parallel guesses cannot all pass a check
	 * made before any of them is counted. Answers why the password must not be checked, if it must not.
	 */
	Optional<Refusal> attempt(String username, String client) {
		Instant now = clock.instant();
		Optional<Instant> locked = db.sql(TAKE_ATTEMPT)
			.param("u", username).param("client", client).param("now", Timestamp.from(now)).param("max", MAX_FAILURES)
			.param("until", Timestamp.from(now.plus(LOCK)))
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
		if (locked.isPresent()) {
			return Optional.of(new Refusal(locked.get(), false));
		}
		if (known(username, client, now)) {
			return Optional.empty();
		}
		Optional<Instant> wait = takeBackoffSlot(username, now);
		if (wait.isPresent()) {
			// Refused before the password was looked at: not a failure of this address.
			db.sql(GIVE_BACK_ATTEMPT).param("u", username).param("client", client).update();
			return Optional.of(new Refusal(wait.get(), true));
		}
		return Optional.empty();
	}

	/** The password was wrong: counts against this address and against the username everywhere. */
	Failure failed(String username, String client) {
		Instant now = clock.instant();
		Optional<Instant> addressLock = db.sql(LOCK_ADDRESS)
			.param("u", username).param("client", client).param("until", Timestamp.from(now.plus(LOCK)))
			.param("max", MAX_FAILURES)
			.query(Timestamp.class).optional().map(Timestamp::toInstant);
		db.sql(FORGET_QUIET_ADDRESSES).param("u", username).param("cutoff", Timestamp.from(now.minus(FORGET_AFTER)))
			.param("now", Timestamp.from(now)).update();
		int failures = db.sql(COUNT_BACKOFF_FAILURE)
			.param("u", username).param("now", Timestamp.from(now))
			.param("forgotten", Timestamp.from(now.minus(FORGET_AFTER)))
			.query(Integer.class).single();
		Optional<Instant> backoffStarted = Optional.empty();
		if (failures >= BACKOFF_AFTER) {
			Instant notBefore = now.plus(delay(failures));
			db.sql(DELAY_BACKOFF).param("u", username).param("notBefore", Timestamp.from(notBefore)).update();
			if (failures == BACKOFF_AFTER) {
				backoffStarted = Optional.of(notBefore);
			}
		}
		return new Failure(addressLock, backoffStarted);
	}

	/**
	 * The password was right: this address is known from now on, its count and the back-off start afresh. Other
	 * addresses' locks stay: a success here must not hand an attacker elsewhere new guesses.
	 */
	void succeeded(String username, String client) {
		forgetAddress(username, client);
		db.sql("DELETE FROM identity_sign_in_backoff WHERE username = :u").param("u", username).update();
		remember(username, client);
	}

	/** The user proved with a phone code that they are who they say: this address is unlocked and known. */
	void unlockedByCode(String username, String client) {
		forgetAddress(username, client);
		remember(username, client);
	}

	/** An administrator's unlock: every address's lock and the back-off. Answers whether there was anything. */
	boolean clearEverywhere(String username) {
		int addresses = db.sql("DELETE FROM identity_sign_in_failure WHERE username = :u").param("u", username).update();
		int backoff = db.sql("DELETE FROM identity_sign_in_backoff WHERE username = :u").param("u", username).update();
		return addresses + backoff > 0;
	}

	/** Usernames with a live address lock or back-off, at most 500. */
	List<IdentityPages.SignInLock> locks() {
		Instant now = clock.instant();
		return db.sql(LOCKS)
			.param("now", Timestamp.from(now)).param("after", BACKOFF_AFTER)
			.param("forgotten", Timestamp.from(now.minus(FORGET_AFTER)))
			.query((rs, row) -> new IdentityPages.SignInLock(rs.getString(1), rs.getInt(2), instant(rs.getTimestamp(3)), rs.getInt(4),
					instant(rs.getTimestamp(5))))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** The wait before the next check after {@code failures} failures: 1 s at the threshold, doubling, capped. */
	static Duration delay(int failures) {
		int doublings = Math.min(failures - BACKOFF_AFTER, 20);
		return doublings < 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(1L << doublings, MAX_DELAY.toSeconds()));
	}

	private boolean known(String username, String client, Instant now) {
		return db.sql(KNOWN).param("u", username).param("client", client)
			.param("since", Timestamp.from(now.minus(KNOWN_FOR))).query(Integer.class).single() > 0;
	}

	private void forgetAddress(String username, String client) {
		db.sql("DELETE FROM identity_sign_in_failure WHERE username = :u AND client = :client")
			.param("u", username).param("client", client).update();
	}

	private void remember(String username, String client) {
		Instant now = clock.instant();
		db.sql(REMEMBER_ADDRESS).param("u", username).param("client", client).param("now", Timestamp.from(now)).update();
		db.sql(FORGET_OLD_ADDRESSES).param("u", username).param("cutoff", Timestamp.from(now.minus(KNOWN_FOR))).update();
	}

	/** Answers the end of the wait when another check holds the username's back-off slot. */
	private Optional<Instant> takeBackoffSlot(String username, Instant now) {
		Timestamp forgotten = Timestamp.from(now.minus(FORGET_AFTER));
		Optional<Backoff> backoff = db.sql(BACKOFF).param("u", username).param("forgotten", forgotten)
			.query((rs, row) -> new Backoff(rs.getInt(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
			.optional();
		if (backoff.isEmpty() || backoff.get().failures() < BACKOFF_AFTER) {
			return Optional.empty();
		}
		// Holds the slot while this password is checked; a failure then sets the next wait, a success clears it.
		int taken = db.sql(TAKE_BACKOFF_SLOT)
			.param("u", username).param("reserved", Timestamp.from(now.plus(delay(backoff.get().failures()))))
			.param("after", BACKOFF_AFTER).param("forgotten", forgotten).param("now", Timestamp.from(now))
			.update();
		if (taken == 1) {
			return Optional.empty();
		}
		return Optional.of(backoff.get().notBefore().filter(now::isBefore).orElse(now.plus(Duration.ofSeconds(1))));
	}

	private record Backoff(int failures, Optional<Instant> notBefore) {
	}
}
