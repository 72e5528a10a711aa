package org.onestop.identity;

import java.time.Instant;

import org.onestop.shared.AuditableEvent;

/** A username was locked after repeated failed sign-ins (whether or not such an account exists). */
public record SignInLocked(String username, Instant until) implements AuditableEvent {

	@Override
	public String actor() {
		return "anonymous";
	}

	@Override
	public String action() {
		return "identity.sign-in.locked";
	}

	@Override
	public String subject() {
		return "username:" + username;
	}

	@Override
	public String summary() {
		return SignInAttempts.MAX_FAILURES + " failed sign-ins in a row; locked until " + until;
	}
}
