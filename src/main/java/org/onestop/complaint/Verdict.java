package org.onestop.complaint;

import java.time.Instant;

/**
 * The citizen's verdict on a reply: solved or not, the rating, given online or on a
 * follow-up call.
 */
public record Verdict(int round, boolean solved, Integer rating, String comment, String channel, Instant givenAt,
		String department) {
}
