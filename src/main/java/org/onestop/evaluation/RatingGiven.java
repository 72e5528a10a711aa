package org.onestop.evaluation;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;

/**
 * A citizen rated a service, or changed their rating. Published in the rating's
 * transaction: the audit entry and, for a verified rating of 不满意 or worse, the follow-up
 * commit with it.
 *
 * @param level 1 (非常不满意) to 5 (非常满意)
 * @param verified given by the signed-in citizen the service was for
 * @param changed a change of an earlier rating rather than a first one
 */
public record RatingGiven(String actor, UUID ratingId, SubjectType subjectType, String subjectId, String department,
		int level, boolean verified, boolean changed) implements AuditableEvent {

	@Override
	public String action() {
		return this.changed ? "rating.changed" : "rating.given";
	}

	@Override
	public String subject() {
		return "rating:" + this.ratingId;
	}

	@Override
	public String summary() {
		return this.subjectType + " " + this.level;
	}

}
