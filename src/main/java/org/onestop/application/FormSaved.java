package org.onestop.application;

import org.onestop.shared.AuditableEvent;

/**
 * An administrator saved a new revision of a matter's form (which decides what registry
 * data is read).
 */
public record FormSaved(String actor, String serviceCode, int matterVersion, int revision) implements AuditableEvent {

	@Override
	public String action() {
		return "application.form.saved";
	}

	@Override
	public String subject() {
		return "form:" + serviceCode;
	}

	@Override
	public String summary() {
		return serviceCode + " version " + matterVersion + " revision " + revision;
	}
}
