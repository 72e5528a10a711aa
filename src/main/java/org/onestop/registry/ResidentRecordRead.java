package org.onestop.registry;

import org.onestop.shared.AuditableEvent;
import org.onestop.shared.ResidentIdNumber;

/** Someone read a resident's registry record, for a stated purpose. */
public record ResidentRecordRead(String actor, ResidentIdNumber idNumber, String purpose) implements AuditableEvent {

	@Override
	public String action() {
		return "registry.resident.read";
	}

	@Override
	public String subject() {
		return "resident:" + idNumber.value();
	}

	@Override
	public String summary() {
		return "population registry record of " + idNumber.masked() + " read; purpose: " + purpose;
	}
}
