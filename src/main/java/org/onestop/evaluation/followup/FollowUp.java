package org.onestop.evaluation.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One row of {@code follow_up}: a bad, verified rating's follow-up by the department that
 * delivered the service.
 *
 * @param status OPEN (waiting for contact), CONTACTED (verified, waiting for the reply),
 * LEDGER (replied, the fix promised by a date), REPLIED (put right, or no legal basis
 * explained), CLOSED (the citizen answered the reply), WITHDRAWN (the rating rose to 3 or
 * more before contact, or was excluded)
 * @param version raised by every change, so that two members of staff cannot both reply
 */
record FollowUp(UUID id, UUID ratingId, String department, String status, Instant openedAt, Instant contactDue,
		Instant replyDue, Instant warnAt, Instant contactedAt, String contactedBy, String contactNote,
		Instant repliedAt, String repliedBy, String reply, Boolean rectified, boolean noLegalBasis,
		LocalDate promisedDate, String citizenVerdict, Instant verdictAt, Instant warnedAt, Instant escalatedAt,
		int version, Instant firstRepliedAt, String firstReply) {

	/** The statuses in which the reply clock runs. */
	static final Set<String> WAITING = Set.of("OPEN", "CONTACTED");

	/**
	 * Finally replied: the citizen may now say whether it was put right. A promise on the
	 * ledger is not yet an answer to that question.
	 */
	boolean answered() {
		return "REPLIED".equals(status) || "CLOSED".equals(status);
	}

	/**
	 * What the department said when it put the fix on the ledger, once a later reply
	 * replaced it; null otherwise.
	 */
	String ledgerReply() {
		return firstRepliedAt != null && !firstRepliedAt.equals(repliedAt) ? firstReply : null;
	}

}
