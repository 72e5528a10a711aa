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
 */
public record Rating(UUID id, SubjectType subjectType, String subjectId, String citizen, String department,
		String serviceCode, String hall, ContactChannel channel, int level, List<String> reasons, String comment,
		boolean verified, GivenThrough givenThrough, Instant createdAt, Instant changedAt, int version,
		boolean excluded) {

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

	/** 不满意 or worse, given by the citizen: the department follows it up. */
	public boolean followedUp() {
		return verified && level <= 2 && !excluded;
	}

	/** The subject as pages and links name it: {@code APPLICATION:<id>}. */
	public String subject() {
		return subjectType.name() + ":" + subjectId;
	}

}
