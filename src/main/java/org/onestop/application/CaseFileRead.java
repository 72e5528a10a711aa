package org.onestop.application;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;

/**
 * A member of staff opened a case file or one of its documents: every access to a
 * citizen's data is logged.
 */
public record CaseFileRead(String actor, UUID applicationId, String what) implements AuditableEvent {

	@Override
	public String action() {
		return "application.case-file.read";
	}

	@Override
	public String subject() {
		return "application:" + applicationId;
	}

	@Override
	public String summary() {
		return what;
	}
}
