package org.onestop.identity;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused because the username is locked after repeated failures. */
class SignInLockedException extends LockedException {

	private final Instant until;

	SignInLockedException(Instant until) {
		super("Sign-in locked until " + until);
		this.until = until;
	}

	Instant until() {
		return until;
	}
}
