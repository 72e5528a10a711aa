package org.onestop.registry;

import java.util.List;

import org.onestop.shared.AuditableEvent;
import org.onestop.shared.ResidentIdNumber;

/** Someone read data items of one registry about a resident, for a stated purpose. */
public record RegistryDataRead(String actor, ResidentIdNumber idNumber, String registry, List<String> items,
		String purpose) implements AuditableEvent {

	@Override
	public String action() {
		return "registry." + registry + ".read";
	}

	@Override
	public String subject() {
		return "resident:" + idNumber.value();
	}

	@Override
	public String summary() {
		return String.join(", ", items) + " of " + idNumber.masked() + " read; purpose: " + purpose;
	}
}
