package org.onestop.identity;

import org.onestop.shared.AuditableEvent;
import org.onestop.shared.ResidentIdNumber;

/** A resident created their citizen account. */
public record CitizenRegistered(String username, ResidentIdNumber idNumber) implements AuditableEvent {

	@Override
	public String actor() {
		return username;
	}

	@Override
	public String action() {
		return "identity.citizen.registered";
	}

	@Override
	public String subject() {
		return "resident:" + idNumber.value();
	}

	@Override
	public String summary() {
		return "citizen account " + username + " registered for " + idNumber.masked();
	}
}
