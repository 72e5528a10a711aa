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
		int version) {

	/** The statuses in which the reply clock runs. */
	static final Set<String> WAITING = Set.of("OPEN", "CONTACTED");

	/** Replied: the citizen may now say whether it was put right. */
	boolean answered() {
		return "REPLIED".equals(status) || "LEDGER".equals(status) || "CLOSED".equals(status);
	}

}
