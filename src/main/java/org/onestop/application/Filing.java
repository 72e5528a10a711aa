package org.onestop.application;

import java.time.Instant;

import org.onestop.shared.ContactChannel;
import org.onestop.shared.LocalizedText;

/**
 * How an application was filed, as people read it: the channel, the hall and counter by
 * name (not code), and who filed it for the applicant, from its {@link Intake}.
 *
 * @param hall the service hall's name; null when not filed at a hall (or the hall is
 * gone)
 * @param counter the counter's name within the hall; null when not at a counter
 * @param filedByName the clerk, agent or representative who filed it for the applicant;
 * null when the applicant filed it
 * @param at when it was submitted; null for a draft
 */
public record Filing(ContactChannel channel, LocalizedText hall, LocalizedText counter, String filedByName,
		Instant at) {

	/** Filed by someone else for the applicant. */
	public boolean assisted() {
		return filedByName != null;
	}

	/**
	 * Worth pointing out in a list: filed for the applicant, or through a channel other
	 * than their own browser.
	 */
	public boolean marked() {
		return assisted() || (channel != ContactChannel.WEB && channel != ContactChannel.MOBILE_WEB);
	}

}
