package org.onestop.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.form.PrecheckProblem;
import org.onestop.shared.ContactChannel;

/**
 * A citizen's application for one matter, as stored.
 *
 * @param fields every value of the form, prefilled or typed
 * @param sources for each prefilled field, the registry data item it came from
 * @param disputes fields whose prefilled value the citizen says is wrong: the citizen's
 * value is used
 * @param clockStoppedOn while the citizen is asked for a supplement, the day the SLA
 * clock stopped
 * @param reference what people quote on the phone, such as {@code CA-2026-000123}; given
 * by the database when the row is made, null only before that
 * @param intake the channel it came through and who filed it
 */
public record Application(UUID id, String applicant, String applicantIdNumber, String applicantName, String serviceCode,
		int matterVersion, int formRevision, String department, Status status, Map<String, String> fields,
		Map<String, String> sources, Map<String, Dispute> disputes, List<UUID> documentIds, String explanation,
		List<PrecheckProblem> precheck, UUID bundleId, String processInstanceId, Instant createdAt, Instant updatedAt,
		Instant submittedAt, LocalDate dueDate, LocalDate clockStoppedOn, int supplementRounds, Instant decidedAt,
		Decision decision, String certificateCode, String reference, Intake intake) {

	/** A new draft: nothing typed yet, nothing submitted. */
	public static Application draft(UUID id, String applicant, String applicantIdNumber, String applicantName,
			String serviceCode, int matterVersion, int formRevision, String department, Instant now) {
		return new Application(id, applicant, applicantIdNumber, applicantName, serviceCode, matterVersion,
				formRevision, department, Status.DRAFT, Map.of(), Map.of(), Map.of(), List.of(), null, List.of(), null,
				null, now, now, null, null, null, 0, null, null, null, null, Intake.byApplicant(ContactChannel.WEB));
	}

	/** This application as it came through another channel or from someone else. */
	public Application through(Intake intake) {
		return new Application(id, applicant, applicantIdNumber, applicantName, serviceCode, matterVersion,
				formRevision, department, status, fields, sources, disputes, documentIds, explanation, precheck,
				bundleId, processInstanceId, createdAt, updatedAt, submittedAt, dueDate, clockStoppedOn,
				supplementRounds, decidedAt, decision, certificateCode, reference, intake);
	}

	/**
	 * This new submission as its row reads once its process started: the database keeps
	 * instants to the microsecond ({@code at} is given so), and the row was made at the
	 * submission's instant.
	 */
	Application started(String reference, String processInstanceId, Status status, Instant at) {
		Instant made = submittedAt.truncatedTo(ChronoUnit.MICROS);
		return new Application(id, applicant, applicantIdNumber, applicantName, serviceCode, matterVersion,
				formRevision, department, status, fields, sources, disputes, documentIds, explanation, precheck,
				bundleId, processInstanceId, made, at, made, dueDate, clockStoppedOn, supplementRounds, decidedAt,
				decision, certificateCode, reference, intake);
	}

	/**
	 * This application submitted now with this content, due on {@code due}; its process
	 * is not started yet.
	 */
	public Application submitted(Map<String, String> fields, Map<String, String> sources, Map<String, Dispute> disputes,
			List<UUID> documentIds, String explanation, List<PrecheckProblem> precheck, UUID bundleId, Instant now,
			LocalDate due) {
		return new Application(id, applicant, applicantIdNumber, applicantName, serviceCode, matterVersion,
				formRevision, department, Status.SUBMITTED, fields, sources, disputes, documentIds, explanation,
				precheck, bundleId, processInstanceId, createdAt, now, now, due, clockStoppedOn, supplementRounds,
				decidedAt, decision, certificateCode, reference, intake);
	}

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
	 * The decision on an application, with what a rejection must carry: the reason, its
	 * legal basis, and what would make the application approvable.
	 */
	public record Decision(String outcome, String by, Instant at, String reason, String legalBasis, String remedy,
			String adjustedRule, String justification) {

		static final String APPROVED = "APPROVED";
		static final String REJECTED = "REJECTED";

		public static Decision approved(String by, Instant at, String reason, String legalBasis) {
			return new Decision(APPROVED, by, at, reason, legalBasis, null, null, null);
		}

		/** A supervisor's approval beyond the rules: which rule was adjusted, and why. */
		public static Decision approvedWithAdjustment(String by, Instant at, String adjustedRule,
				String justification) {
			return new Decision(APPROVED, by, at, null, null, null, adjustedRule, justification);
		}

		public static Decision rejected(String by, Instant at, String reason, String legalBasis, String remedy) {
			return new Decision(REJECTED, by, at, reason, legalBasis, remedy, null, null);
		}

		/**
		 * A supervisor confirms a held rejection; their reason is also the justification
		 * logged.
		 */
		public static Decision confirmedRejection(String by, Instant at, String reason, String legalBasis,
				String remedy) {
			return new Decision(REJECTED, by, at, reason, legalBasis, remedy, null, reason);
		}

		/** The decision as it takes effect at {@code at}. */
		public Decision takingEffect(Instant at) {
			return new Decision(outcome, by, at, reason, legalBasis, remedy, adjustedRule, justification);
		}

		/**
		 * The decision as the citizen sees it: without the name of the member of staff
		 * who took it.
		 */
		public Decision withoutStaff() {
			return new Decision(outcome, null, at, reason, legalBasis, remedy, adjustedRule, justification);
		}
	}
}
