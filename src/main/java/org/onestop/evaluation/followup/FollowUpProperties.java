package org.onestop.evaluation.followup;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follow-ups' settings ({@code onestop.evaluation.follow-up.*}).
 *
 * @param replyWorkingDays working days to rectify and reply for a department with no
 * setting of its own (cities set 5 to 15)
 * @param dayEnds when a working day ends for the clocks: a follow-up due on a day is due
 * at this time, city time
 * @param sweepInterval how often a node looks for follow-ups to warn about or escalate
 * @param sweepEnabled off in tests, which call the sweep themselves
 */
@ConfigurationProperties("onestop.evaluation.follow-up")
record FollowUpProperties(@DefaultValue("5") int replyWorkingDays, @DefaultValue("17:30") LocalTime dayEnds,
		@DefaultValue("PT5M") Duration sweepInterval, @DefaultValue("true") boolean sweepEnabled) {

	/** The bounds an administrator may set for a department (the issue: 5 to 15). */
	static final int FEWEST_DAYS = 5;

	static final int MOST_DAYS = 15;

	FollowUpProperties {
		if (replyWorkingDays < 1 || replyWorkingDays > 30) {
			throw new IllegalArgumentException("reply-working-days must be 1 to 30: " + replyWorkingDays);
		}
	}

}
