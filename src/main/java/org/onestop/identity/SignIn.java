package org.onestop.identity;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, for the sign-in page and the API alike. The answer to a wrong
 * password and to an unknown username is the same, and takes as long; so is a lock. Locks are per username and
 * client address, with a slower back-off per username from everywhere ({@link SignInAttempts}).
 */
@Service
class SignIn {

	private final Accounts accounts;
	private final SignInAttempts attempts;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final String decoyHash;

	SignIn(Accounts accounts, SignInAttempts attempts, PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.attempts = attempts;
		this.passwords = passwords;
		this.events = events;
		this.decoyHash = passwords.encode("decoy password for unknown usernames");
	}

	/** @param client the address the attempt came from: locks are per username and address */
	OneStopUser authenticate(String typedUsername, String password, String channel, String client) {
		String username = normalise(typedUsername);
		String from = client == null ? "unknown" : client;
		Optional<SignInAttempts.Refusal> refused = attempts.attempt(username, from);
		if (refused.isPresent()) {
			throw new SignInLockedException(refused.get().until(), refused.get().everywhere());
		}
		Optional<Accounts.StoredAccount> account = accounts.byUsername(username);
		boolean matches = passwords.matches(password == null ? "" : password,
				account.map(Accounts.StoredAccount::passwordHash).orElse(decoyHash)) && account.isPresent();
		if (!matches) {
			SignInAttempts.Failure failure = attempts.failed(username, from);
			failure.backoffStartedUntil().ifPresent(until -> events.publishEvent(new SignInLocked(username, null, until)));
			if (failure.addressLockedUntil().isPresent()) {
				events.publishEvent(new SignInLocked(username, from, failure.addressLockedUntil().get()));
				throw new SignInLockedException(failure.addressLockedUntil().get(), false);
			}
			throw new BadCredentialsException("Bad credentials");
		}
		attempts.succeeded(username, from);
		if (!account.get().enabled()) {
			throw new DisabledException("Account disabled");
		}
		events.publishEvent(new SignedIn(username, channel));
		return account.get().user();
	}

	static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}
}
