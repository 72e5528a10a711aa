package org.onestop.evaluation;

import java.time.Instant;

import org.onestop.shared.ContactChannel;

/**
 * A finished service the citizen is invited to rate, written once when the service
 * finished: the only proof that they may rate it.
 *
 * @param citizen null for a service to nobody signed in (a walk-in ticket)
 */
public record Invitation(SubjectType subjectType, String subjectId, String citizen, String department,
		String serviceCode, String hall, ContactChannel channel, Instant finishedAt, Instant invitedAt) {

	/** The subject as pages and links name it: {@code APPLICATION:<id>}. */
	public String subject() {
		return subjectType.name() + ":" + subjectId;
	}

	RatedService service() {
		return new RatedService(subjectType, subjectId, citizen, department, serviceCode, hall, channel, finishedAt);
	}

}
