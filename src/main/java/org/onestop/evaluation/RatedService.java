package org.onestop.evaluation;

import java.time.Instant;

import org.onestop.shared.ContactChannel;

/**
 * A finished service as the rating sees it: what was done, for whom, by which department,
 * where and through which channel.
 *
 * @param citizen the account the service was for; null when nobody signed in was served
 * (a walk-in ticket): rated anonymously, counted, never followed up
 * @param department the department that delivered it, which follows up a bad rating
 * @param serviceCode the matter's code, when the service was one matter's
 * @param hall the service hall's code, for a visit
 * @param channel how the service reached the city (online or offline in the figures)
 */
public record RatedService(SubjectType subjectType, String subjectId, String citizen, String department,
		String serviceCode, String hall, ContactChannel channel, Instant finishedAt) {
}
