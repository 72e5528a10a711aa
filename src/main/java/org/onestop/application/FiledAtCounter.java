package org.onestop.application;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;
import org.onestop.shared.ResidentIdNumber;

/**
 * A clerk filed an application for the citizen present, confirming that they saw the ID
 * card and that the citizen consented (issue 15); audited in the same transaction.
 *
 * @param cardRead whether an ID card reader was used
 */
public record FiledAtCounter(String actor, UUID applicationId, ResidentIdNumber idNumber,
		boolean cardRead) implements AuditableEvent {

	@Override
	public String action() {
		return "application.filed-at-counter";
	}

	@Override
	public String subject() {
		return "application:" + applicationId;
	}

	@Override
	public String summary() {
		return "filed at a counter for " + idNumber.masked() + (cardRead ? ", ID card read" : ", ID card seen")
				+ ", consent confirmed";
	}

}
