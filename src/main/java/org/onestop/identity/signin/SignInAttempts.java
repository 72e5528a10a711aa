package org.onestop.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-in limits that cost the attacker rather than the victim. Two counters, both kept
 * in the database by atomic statements so that any number of nodes count right:
 * <ul>
 * <li>per typed username <em>and client address</em>: {@value #MAX_FAILURES} failures in
 * a row lock that address out of that username for {@link #LOCK}. An attacker locks only
 * their own address; the real user elsewhere signs in.</li>
 * <li>per username from every address, the back-off: every password check from an address
 * the username is not known at is counted <em>before</em> it runs (a success gives its
 * own back), and from the {@value #BACKOFF_AFTER}th within {@link #FORGET_AFTER} each
 * further check must wait 1, 2, 4 … seconds, at most {@link #MAX_DELAY}: one check per
 * wait, taken by the same statement that counts it. A guessing attack spread over any
 * number of addresses, however parallel, then gets {@value #BACKOFF_AFTER} guesses and
 * after that at most 12 an hour at one username. Addresses from which the username signed
 * in (or unlocked by phone) in the last {@link #KNOWN_FOR} skip the back-off, so the
 * attack does not keep the real user out; and their sign-ins leave it as it is, so they
 * do not hand the attacker a fresh allowance either.</li>
 * </ul>
 * Both apply to any typed username, existing or not, so that a refusal says nothing about
 * who has an account.
 */
@Component
class SignInAttempts {

	/** Failures in a row from one address that lock it out of a username. */
	static final int MAX_FAILURES = 5;
	static final Duration LOCK = Duration.ofMinutes(15);

	/** Checks from unknown addresses after which each further one must wait. */
	static final int BACKOFF_AFTER = 10;
	static final Duration MAX_DELAY = Duration.ofMinutes(5);
	static final Duration FORGET_AFTER = Duration.ofDays(1);
	static final Duration KNOWN_FOR = Duration.ofDays(30);

	private final SignInAttemptStore store;

	private final Clock clock;

	SignInAttempts(SignInAttemptStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Why a password may not be checked now.
	 *
	 * @param everywhere false: this address is locked out of the username; true: the
	 * username's back-off
	 */
	record Refusal(Instant until, boolean everywhere) {
	}

	/**
	 * The answer to asking for a password check.
	 *
	 * @param checks the username's back-off count with this check, 0 when not counted (a
	 * known address, a refusal)
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
	 * Takes one attempt before the password is checked, atomically, so that parallel
	 * guesses cannot all pass a check made before any of them is counted. Answers why the
	 * password must not be checked, if it must not.
	 */
	Admission attempt(String username, String client) {
		Instant now = clock.instant();
		Optional<Instant> locked = store.takeAttempt(username, client, now, MAX_FAILURES, now.plus(LOCK));
		if (locked.isPresent()) {
			return Admission.refused(locked.get(), false);
		}
		if (store.knownAddress(username, client, now.minus(KNOWN_FOR))) {
			return new Admission(Optional.empty(), 0, Optional.empty());
		}
		Optional<SignInAttemptStore.Check> taken = store.takeCheck(username, now, now.minus(FORGET_AFTER),
				BACKOFF_AFTER, MAX_DELAY.toSeconds());
		if (taken.isPresent()) {
			return new Admission(Optional.empty(), taken.get().checks(), taken.get().nextCheck());
		}
		// Refused before the password was looked at: not a failure of this address.
		store.giveBackAttempt(username, client);
		Instant until = store.waitUntil(username, now).orElse(now.plus(Duration.ofSeconds(1)));
		return Admission.refused(until, true);
	}

	/**
	 * The password was wrong: counts against this address (the username's back-off
	 * counted it already).
	 */
	Failure failed(String username, String client, Admission admission) {
		Instant now = clock.instant();
		Optional<Instant> addressLock = store.lockAddress(username, client, now.plus(LOCK), MAX_FAILURES);
		Optional<Instant> backoffStarted = admission.checks() == BACKOFF_AFTER ? admission.nextCheck()
				: Optional.empty();
		return new Failure(addressLock, backoffStarted);
	}

	/**
	 * The password was right: this address is known from now on and its count starts
	 * afresh, and the check it cost the username's back-off is given back. Nothing else
	 * changes: other addresses' locks and the waits stay, so that the real user's sign-in
	 * does not hand an attacker elsewhere new guesses.
	 */
	void succeeded(String username, String client, Admission admission) {
		store.forgetFailures(username, client);
		if (admission.checks() > 0) {
			store.giveBackCheck(username, clock.instant().minus(FORGET_AFTER));
		}
		store.rememberAddress(username, client, clock.instant());
	}

	/**
	 * The user proved with a phone code that they are who they say: this address is
	 * unlocked and known.
	 */
	void unlockedByCode(String username, String client) {
		store.forgetFailures(username, client);
		store.rememberAddress(username, client, clock.instant());
	}

	/**
	 * An administrator's unlock: every address's lock and the back-off. Answers whether
	 * there was anything.
	 */
	boolean clearEverywhere(String username) {
		return store.forgetEverywhere(username);
	}

	/**
	 * Every typed username leaves rows, and an attack types many: those that tell nothing
	 * any more go, on whichever node gets there first (plain deletes of expired rows,
	 * safe to run on several at once).
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
	void purge() {
		Instant now = clock.instant();
		store.purge(now, now.minus(FORGET_AFTER), now.minus(KNOWN_FOR));
	}

}
