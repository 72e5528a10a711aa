package org.onestop.identity;

import org.onestop.shared.AuditableEvent;

/**
 * A sign-in lock was lifted: by an administrator (every address and the back-off), or by
 * the user with a code texted to their verified phone (their own address).
 *
 * @param actor the administrator, or the user themself
 * @param client the address unlocked by a code; null when an administrator lifted every
 * lock
 */
public record SignInUnlocked(String actor, String username, String client) implements AuditableEvent {

	@Override
	public String action() {
		return "identity.sign-in.unlocked";
	}

	@Override
	public String subject() {
		return "username:" + username;
	}

	@Override
	public String summary() {
		return client == null ? "every sign-in lock of " + username + " lifted by administrator " + actor
				: "sign-in of " + username + " from " + client + " unlocked with a code texted to the verified phone";
	}
}
