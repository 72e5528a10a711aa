package org.onestop.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A citizen's application for one matter, as stored.
 *
 * @param fields every value of the form, prefilled or typed
 * @param sources for each prefilled field, the registry data item it came from
 * @param disputes fields whose prefilled value the citizen says is wrong: the citizen's value is used
 * @param clockStoppedOn while the citizen is asked for a supplement, the day the SLA clock stopped
 */
public record Application(UUID id, String applicant, String applicantIdNumber, String applicantName, String serviceCode,
		int matterVersion, int formRevision, String department, Status status, Map<String, String> fields,
		Map<String, String> sources, Map<String, Dispute> disputes, List<UUID> documentIds, String explanation,
		List<PrecheckProblem> precheck, UUID bundleId, String processInstanceId, Instant createdAt, Instant updatedAt,
		Instant submittedAt, LocalDate dueDate, LocalDate clockStoppedOn, int supplementRounds, Instant decidedAt,
		Decision decision, String certificateCode) {

	/** Where an application stands, as the citizen sees it. */
	public enum Status {
		DRAFT, SUBMITTED, IN_REVIEW, AWAITING_CITIZEN, FIELD_VISIT, SUPERVISOR_REVIEW, APPROVED, REJECTED, WITHDRAWN;

		boolean open() {
			return this != APPROVED && this != REJECTED && this != WITHDRAWN && this != DRAFT;
		}
	}

	/** A prefilled value the citizen says is wrong, and what they say instead. */
	public record Dispute(String item, String registryValue, String citizenValue, String comment) {
	}

	/**
	 * The decision on an application, with what a rejection must carry: the reason, its legal basis, and
	 * what would make the application approvable.
	 */
	public record Decision(String outcome, String by, Instant at, String reason, String legalBasis, String remedy,
			String adjustedRule, String justification) {
	}
}
