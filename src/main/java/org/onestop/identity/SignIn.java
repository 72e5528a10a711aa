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
 * password and to an unknown username is the same, and takes as long; so is a lock.
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

	OneStopUser authenticate(String typedUsername, String password, String channel) {
		String username = normalise(typedUsername);
		Optional<java.time.Instant> locked = attempts.attempt(username);
		if (locked.isPresent()) {
			throw new SignInLockedException(locked.get());
		}
		Optional<Accounts.StoredAccount> account = accounts.byUsername(username);
		boolean matches = passwords.matches(password == null ? "" : password,
				account.map(Accounts.StoredAccount::passwordHash).orElse(decoyHash)) && account.isPresent();
		if (!matches) {
			Optional<java.time.Instant> lockedNow = attempts.failed(username);
			if (lockedNow.isPresent()) {
				events.publishEvent(new SignInLocked(username, lockedNow.get()));
				throw new SignInLockedException(lockedNow.get());
			}
			throw new BadCredentialsException("Bad credentials");
		}
		attempts.clear(username);
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
