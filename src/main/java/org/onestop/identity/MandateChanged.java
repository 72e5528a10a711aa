package org.onestop.identity;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;
import org.onestop.shared.ResidentIdNumber;

/**
 * A mandate to act for a citizen (授权代办, issue 15) was granted online, recorded at a
 * counter, or revoked.
 *
 * @param actor the grantor online, the clerk at a counter, whoever revoked it
 */
public record MandateChanged(UUID mandateId, Change change, String actor, String grantorIdNumber,
		String representativeIdNumber) implements AuditableEvent {

	/** What happened to the mandate. */
	public enum Change {

		GRANTED, RECORDED_AT_COUNTER, REVOKED

	}

	@Override
	public String action() {
		return "identity.mandate." + change.name().toLowerCase().replace('_', '-');
	}

	@Override
	public String subject() {
		return "resident:" + grantorIdNumber;
	}

	@Override
	public String summary() {
		return "mandate " + mandateId + " of " + ResidentIdNumber.maskedIn(grantorIdNumber) + " to "
				+ ResidentIdNumber.maskedIn(representativeIdNumber) + " "
				+ change.name().toLowerCase().replace('_', ' ') + " by " + ResidentIdNumber.maskedIn(actor);
	}

}
