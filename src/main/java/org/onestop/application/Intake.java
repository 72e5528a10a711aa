package org.onestop.application;

import org.onestop.shared.ContactChannel;

/**
 * How an application reached the city and who filed it (issue 15).
 *
 * @param channel the channel it came through
 * @param hall the service hall's code, for counter work; null otherwise
 * @param counter the counter's code within the hall; null otherwise
 * @param filedBy the username of whoever filed it when that is not the applicant (the
 * clerk, the hotline agent, the representative); null when the applicant filed it
 * @param filedByName that person's display name, kept as it was at filing
 */
public record Intake(ContactChannel channel, String hall, String counter, String filedBy, String filedByName) {

	public Intake {
		if (channel == null) {
			throw new IllegalArgumentException("An application's intake needs a channel");
		}
	}

	/** Filed by the applicant themselves through this channel. */
	public static Intake byApplicant(ContactChannel channel) {
		return new Intake(channel, null, null, null, null);
	}

	/** Filed by someone else (a clerk, an agent, a representative) for the applicant. */
	public boolean assisted() {
		return filedBy != null;
	}

}
