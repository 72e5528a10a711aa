package org.onestop.identity;

import java.time.Instant;

import org.onestop.shared.AuditableEvent;

/**
 * A username was locked after repeated failed sign-ins (whether or not such an account
 * exists): for one client address, or, with no address, the back-off for every address
 * began. {@code failures} is how many failed sign-ins it took.
 */
public record SignInLocked(String username, String client, Instant until, int failures) implements AuditableEvent {

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
		return client == null
				? failures + " failed sign-ins from any address; each further check waits, first until " + until
				: failures + " failed sign-ins in a row from " + client + "; that address is locked until " + until;
	}
}
