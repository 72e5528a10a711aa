package org.onestop.identity.signin;

import java.util.Locale;
import java.util.Optional;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.SignInLocked;
import org.onestop.identity.SignedIn;
import org.onestop.identity.code.ClientAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, for the sign-in page and the API alike. The answer to a
 * wrong password and to an unknown username is the same, and takes as long; so is a lock.
 * Locks are per username and client address, with a slower back-off per username from
 * everywhere ({@link SignInAttempts}).
 */
@Service
public class SignIn {

	static final int MAX_USERNAME = 100;

	private final AccountStore accounts;

	private final SignInAttempts attempts;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final String decoyHash;

	SignIn(AccountStore accounts, SignInAttempts attempts, PasswordEncoder passwords,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.attempts = attempts;
		this.passwords = passwords;
		this.events = events;
		this.decoyHash = passwords.encode("decoy password for unknown usernames");
	}

	/**
	 * @param client the address the attempt came from: locks are per username and address
	 */
	public OneStopUser authenticate(String typedUsername, String password, String channel, String client) {
		String username = normalise(typedUsername);
		if (!possible(username)) {
			// No account has such a name, and counting it would only write rows (or fail
			// on a NUL).
			throw new BadCredentialsException("Bad credentials");
		}
		String from = ClientAddress.of(client);
		SignInAttempts.Admission admission = attempts.attempt(username, from);
		if (admission.refusal().isPresent()) {
			throw new SignInLockedException(admission.refusal().get().until(), admission.refusal().get().everywhere());
		}
		Optional<AccountStore.StoredAccount> account = accounts.byUsername(username);
		boolean matches = passwords.matches(password == null ? "" : password,
				account.map(AccountStore.StoredAccount::passwordHash).orElse(decoyHash)) && account.isPresent();
		if (!matches) {
			SignInAttempts.Failure failure = attempts.failed(username, from, admission);
			failure.backoffStartedUntil()
				.ifPresent(until -> events
					.publishEvent(new SignInLocked(username, null, until, SignInAttempts.BACKOFF_AFTER)));
			if (failure.addressLockedUntil().isPresent()) {
				events.publishEvent(new SignInLocked(username, from, failure.addressLockedUntil().get(),
						SignInAttempts.MAX_FAILURES));
				throw new SignInLockedException(failure.addressLockedUntil().get(), false);
			}
			throw new BadCredentialsException("Bad credentials");
		}
		attempts.succeeded(username, from, admission);
		if (!account.get().enabled()) {
			throw new DisabledException("Account disabled");
		}
		events.publishEvent(new SignedIn(username, channel));
		return account.get().user();
	}

	/** The username as accounts and locks know it: stripped and in lower case. */
	public static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a normalised username could be anyone's: not blank, at most
	 * {@value #MAX_USERNAME} characters (staff usernames have 40 at most, citizens' 18),
	 * no control characters (PostgreSQL refuses a NUL in text).
	 */
	static boolean possible(String username) {
		return !username.isBlank() && username.length() <= MAX_USERNAME
				&& username.chars().noneMatch(Character::isISOControl);
	}

}
