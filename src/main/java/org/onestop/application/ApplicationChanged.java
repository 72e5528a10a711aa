package org.onestop.application;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;

/**
 * Something happened to an application (each timeline entry): it is audited in the same
 * transaction.
 */
public record ApplicationChanged(String actor, UUID applicationId, String kind) implements AuditableEvent {

	@Override
	public String action() {
		return "application." + kind.toLowerCase().replace('_', '-');
	}

	@Override
	public String subject() {
		return "application:" + applicationId;
	}

	@Override
	public String summary() {
		return kind;
	}

	/** Whether this is the application's decision: approved or rejected. */
	public boolean decision() {
		return "APPROVED".equals(kind) || "REJECTED".equals(kind);
	}

}
