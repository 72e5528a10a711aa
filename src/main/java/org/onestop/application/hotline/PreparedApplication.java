package org.onestop.application.hotline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An application a hotline agent prepared for a resident, as stored.
 *
 * @param applicant the username it will be filed under: the resident's account's, or
 * their lower-case ID number when they have none yet
 * @param fields what the agent typed
 * @param prefilled what the registries held when it was prepared
 * @param callId the call or conversation it came from; null when none was named
 * @param status as stored; {@link #status(Instant)} says what it is now
 * @param confirmedAtCounter whether the citizen confirmed it at a counter, with a clerk;
 * null until confirmed
 * @param confirmedBy who confirmed it: the citizen (or their representative) or the clerk
 * @param applicationId the application it became, once confirmed
 */
public record PreparedApplication(UUID id, String applicant, String applicantIdNumber, String applicantName,
		String serviceCode, Map<String, String> fields, Map<String, String> prefilled, String preparedBy,
		String preparedByName, UUID callId, String callTopic, Instant callAt, Status status, Instant createdAt,
		Instant expiresAt, Instant closedAt, Boolean confirmedAtCounter, String confirmedBy, UUID applicationId) {

	/** Where a prepared application stands. */
	public enum Status {

		PENDING, CONFIRMED, DECLINED, EXPIRED

	}

	/** Its status now: a pending one past its time has expired, marked or not. */
	public Status status(Instant now) {
		return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
	}

}
