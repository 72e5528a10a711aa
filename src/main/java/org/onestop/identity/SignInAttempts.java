package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-in limits that cost the attacker rather than the victim. Two counters, both kept in the database by atomic
 * statements so that any number of nodes count right:
 * <ul>
 * <li>per typed username <em>and client address</em>: {@value #MAX_FAILURES} failures in a row lock that address out
 * of that username for {@link #LOCK}. An attacker locks only their own address; the real user elsewhere signs in.</li>
 * <li>per username from every address, the back-off: every password check from an address the username is not known
 * at is counted <em>before</em> it runs (a success gives its own back), and from the {@value #BACKOFF_AFTER}th within
 * {@link #FORGET_AFTER} each further check must wait 1, 2, 4 … seconds, at most {@link #MAX_DELAY}: one check per
 * wait, taken by the same statement that counts it. A guessing attack spread over any number of addresses, however
 * parallel, then gets {@value #BACKOFF_AFTER} guesses and after that at most 12 an hour at one username. Addresses
 * from which the username signed in (or unlocked by phone) in the last {@link #KNOWN_FOR} skip the back-off, so the
 * attack does not keep the real user out; and their sign-ins leave it as it is, so they do not hand the attacker a
 * fresh allowance either.</li>
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

	private static final String KNOWN = """
			SELECT count(*) FROM identity_sign_in_address WHERE username = :u AND client = :client AND last_success_at > :since""";

	private static final String REMEMBER_ADDRESS = """
			INSERT INTO identity_sign_in_address (username, client, last_success_at) VALUES (:u, :client, :now)
			ON CONFLICT (username, client) DO UPDATE SET last_success_at = EXCLUDED.last_success_at""";

	// Counts this check and, from the threshold on, sets the wait before the next one, in one statement: no row
	// comes back while a wait runs, so parallel checks cannot all pass while the count still reads below it.
	// The column keeps its old name, failures: checks counted before the password is known to be wrong.
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

	// A right password was not a guess; the wait it set stays, so an attacker elsewhere gains nothing from it.
	private static final String GIVE_BACK_CHECK = """
			UPDATE identity_sign_in_backoff SET failures = failures - 1
			WHERE username = :u AND failures > 0 AND last_failure_at > :forgotten""";

	private static final String PURGE_FAILURES = """
			DELETE FROM identity_sign_in_failure WHERE updated_at < :forgotten AND (locked_until IS NULL OR locked_until < :now)""";

	private static final String PURGE_BACKOFF = "DELETE FROM identity_sign_in_backoff WHERE last_failure_at < :forgotten";

	private static final String PURGE_ADDRESSES = "DELETE FROM identity_sign_in_address WHERE last_success_at < :since";

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

	/**
	 * The answer to asking for a password check.
	 *
	 * @param checks the username's back-off count with this check, 0 when not counted (a known address, a refusal)
	 * @param nextCheck when the next check from elsewhere may run, if this one set a wait
	 */
	record Admission(Optional<Refusal> refusal, int checks, Optional<Instant> nextCheck) {

		static Admission refused(Instant until, boolean everywhere) {
			return new Admission(Optional.of(new Refusal(until, everywhere)), 0, Optional.empty());
		}
	}

	/** What a failure changed. */
	record Failure(Optional<Instant> addressLockedUntil, Optional<Instant> backoffStartedUntil) {
	}

	/**
	 * Takes one attempt before the password is checked, atomically, so that parallel guesses cannot all pass a check
	 * made before any of them is counted. Answers why the password must not be checked, if it must not.
	 */
	Admission attempt(String username, String client) {
		Instant now = clock.instant();
		Optional<Instant> locked = db.sql(TAKE_ATTEMPT)
			.param("u", username).param("client", client).param("now", Timestamp.from(now)).param("max", MAX_FAILURES)
			.param("until", Timestamp.from(now.plus(LOCK)))
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
		if (locked.isPresent()) {
			return Admission.refused(locked.get(), false);
		}
		if (known(username, client, now)) {
			return new Admission(Optional.empty(), 0, Optional.empty());
		}
		Optional<Admission> taken = db.sql(TAKE_CHECK)
			.param("u", username).param("now", Timestamp.from(now))
			.param("forgotten", Timestamp.from(now.minus(FORGET_AFTER)))
			.param("after", BACKOFF_AFTER).param("maxDelay", MAX_DELAY.toSeconds())
			.query((rs, row) -> new Admission(Optional.empty(), rs.getInt(1),
					Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
			.optional();
		if (taken.isPresent()) {
			return taken.get();
		}
		// Refused before the password was looked at: not a failure of this address.
		db.sql(GIVE_BACK_ATTEMPT).param("u", username).param("client", client).update();
		Instant until = db.sql(WAIT).param("u", username).param("now", Timestamp.from(now))
			.query(Timestamp.class).optional().map(Timestamp::toInstant)
			.orElse(now.plus(Duration.ofSeconds(1)));
		return Admission.refused(until, true);
	}

	/** The password was wrong: counts against this address (the username's back-off counted it already). */
	Failure failed(String username, String client, Admission admission) {
		Instant now = clock.instant();
		Optional<Instant> addressLock = db.sql(LOCK_ADDRESS)
			.param("u", username).param("client", client).param("until", Timestamp.from(now.plus(LOCK)))
			.param("max", MAX_FAILURES)
			.query(Timestamp.class).optional().map(Timestamp::toInstant);
		Optional<Instant> backoffStarted = admission.checks() == BACKOFF_AFTER ? admission.nextCheck() : Optional.empty();
		return new Failure(addressLock, backoffStarted);
	}

	/**
	 * The password was right: this address is known from now on and its count starts afresh, and the check it cost
	 * the username's back-off is given back. Nothing else changes: other addresses' locks and the waits stay, so that
	 * the real user's sign-in does not hand an attacker elsewhere new guesses.
	 */
	void succeeded(String username, String client, Admission admission) {
		forgetAddress(username, client);
		if (admission.checks() > 0) {
			db.sql(GIVE_BACK_CHECK).param("u", username)
				.param("forgotten", Timestamp.from(clock.instant().minus(FORGET_AFTER))).update();
		}
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

	/**
	 * Every typed username leaves rows, and an attack types many: those that tell nothing any more go, on whichever
	 * node gets there first (plain deletes of expired rows, safe to run on several at once).
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
	void purge() {
		Instant now = clock.instant();
		Timestamp forgotten = Timestamp.from(now.minus(FORGET_AFTER));
		db.sql(PURGE_FAILURES).param("forgotten", forgotten).param("now", Timestamp.from(now)).update();
		db.sql(PURGE_BACKOFF).param("forgotten", forgotten).update();
		db.sql(PURGE_ADDRESSES).param("since", Timestamp.from(now.minus(KNOWN_FOR))).update();
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
		db.sql(REMEMBER_ADDRESS).param("u", username).param("client", client)
			.param("now", Timestamp.from(clock.instant())).update();
	}
}
