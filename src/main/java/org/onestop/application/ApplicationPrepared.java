package org.onestop.application;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;
import org.onestop.shared.ResidentIdNumber;

/**
 * A hotline agent prepared an application for a resident (PREPARED), or it was confirmed,
 * declined or found expired; nothing is submitted before CONFIRMED.
 */
public record ApplicationPrepared(String actor, UUID id, String idNumber, String serviceCode,
		String what) implements AuditableEvent {

	@Override
	public String action() {
		return "application.prepared." + what.toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String subject() {
		return "resident:" + idNumber;
	}

	@Override
	public String summary() {
		return serviceCode + ", " + ResidentIdNumber.maskedIn(idNumber) + ", prepared " + id;
	}

}
