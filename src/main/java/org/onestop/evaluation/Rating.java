package org.onestop.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onestop.shared.ContactChannel;

/**
 * A citizen's rating of one finished service.
 *
 * @param level 1 (非常不满意) to 5 (非常满意)
 * @param reasons the codes of the reasons ticked, in the list's order
 * @param verified given by the signed-in citizen the service was for
 * @param version raised by every change, for optimistic checks
 * @param followedUp whether the department follows it up: read from the follow-up itself
 * (one exists and was not withdrawn), never inferred from the level, so that the two
 * cannot disagree
 */
public record Rating(UUID id, SubjectType subjectType, String subjectId, String citizen, String department,
		String serviceCode, String hall, ContactChannel channel, int level, List<String> reasons, String comment,
		boolean verified, GivenThrough givenThrough, Instant createdAt, Instant changedAt, int version,
		boolean excluded, boolean followedUp) {

	/** How long after the first rating the citizen may change it. */
	public static final Duration CHANGE_WINDOW = Duration.ofDays(7);

	public Rating {
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
	}

	/** The last moment the citizen may change it. */
	public Instant changeableUntil() {
		return createdAt.plus(CHANGE_WINDOW);
	}

	/** Whether it may still be changed at that moment. */
	public boolean changeable(Instant now) {
		return now.isBefore(changeableUntil());
	}

	/** The subject as pages and links name it: {@code APPLICATION:<id>}. */
	public String subject() {
		return subjectType.name() + ":" + subjectId;
	}

}
