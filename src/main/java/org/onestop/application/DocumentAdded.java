package org.onestop.application;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;

/** A document went into a citizen's vault. */
public record DocumentAdded(String owner, UUID id, String contentType, long sizeBytes) implements AuditableEvent {

	@Override
	public String actor() {
		return owner;
	}

	@Override
	public String action() {
		return "application.vault.document-added";
	}

	@Override
	public String subject() {
		return "document:" + id;
	}

	@Override
	public String summary() {
		return contentType + ", " + sizeBytes + " bytes";
	}
}
