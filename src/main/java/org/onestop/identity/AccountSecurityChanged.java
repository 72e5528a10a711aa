package org.onestop.identity;

import org.onestop.shared.AuditableEvent;

/**
 * A citizen's account changed how it is secured: its password reset with a texted code or
 * changed, its phone changed after the new one confirmed a code, or every session and API
 * token of it ended.
 *
 * @param client the address the change came from
 */
public record AccountSecurityChanged(String username, Change change, String client) implements AuditableEvent {

	/** What changed. */
	public enum Change {

		PASSWORD_RESET, PASSWORD_CHANGED, PHONE_CHANGED, SIGNED_OUT_EVERYWHERE

	}

	/** The holder themself: nobody else changes these. */
	@Override
	public String actor() {
		return username;
	}

	@Override
	public String action() {
		return "identity.account." + change.name().toLowerCase().replace('_', '-');
	}

	@Override
	public String subject() {
		return "username:" + username;
	}

	@Override
	public String summary() {
		return switch (change) {
			case PASSWORD_RESET -> "password of " + username + " reset with a code texted to the verified phone";
			case PASSWORD_CHANGED -> "password of " + username + " changed by its holder";
			case PHONE_CHANGED -> "verified phone of " + username + " changed after a code to the new phone";
			case SIGNED_OUT_EVERYWHERE -> "every session and API token of " + username + " ended by its holder";
		} + " from " + client;
	}
}
