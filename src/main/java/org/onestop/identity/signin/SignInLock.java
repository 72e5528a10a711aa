package org.onestop.identity.signin;

import java.time.Instant;

/**
 * A username with live sign-in locks, for administrators.
 *
 * @param lockedAddresses how many client addresses are locked out of it;
 * {@code lockedUntil} the last lock's end
 * @param failuresEverywhere failures from every address when its back-off applies, else
 * 0; {@code waitUntil} when the next check may run
 * @param account whether an account has this username (locks apply to any typed username)
 */
public record SignInLock(String username, int lockedAddresses, Instant lockedUntil, int failuresEverywhere,
		Instant waitUntil, boolean account) {
}
