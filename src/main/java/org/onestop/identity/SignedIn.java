package org.onestop.identity;

import org.onestop.shared.AuditableEvent;

/** Someone signed in, on a page ({@code web}) or for an API token ({@code api}). */
public record SignedIn(String username, String channel) implements AuditableEvent {

	@Override
	public String actor() {
		return username;
	}

	@Override
	public String action() {
		return "identity.signed-in";
	}

	@Override
	public String subject() {
		return "account:" + username;
	}

	@Override
	public String summary() {
		return "signed in (" + channel + ")";
	}
}
