package org.onestop.identity.signin;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused without checking the password: this address is locked out of the
 * username after repeated failures, or ({@code everywhere}) the username's back-off after
 * failures from many addresses asks to wait.
 */
public class SignInLockedException extends LockedException {

	private final Instant until;

	private final boolean everywhere;

	SignInLockedException(Instant until, boolean everywhere) {
		super("Sign-in refused until " + until);
		this.until = until;
		this.everywhere = everywhere;
	}

	public Instant until() {
		return until;
	}

	public boolean everywhere() {
		return everywhere;
	}

}
