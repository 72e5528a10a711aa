package org.onestop.complaint;

import java.util.List;
import java.util.UUID;

import org.onestop.shared.ContactChannel;

/**
 * A complaint as it arrives, from any channel.
 *
 * @param onBehalfOf the citizen an agent files for (a chat or call with a signed-in
 * citizen), or null
 * @param duplicateOf an open complaint the reporter said is the same one ("is this what
 * you are reporting?"): the new complaint joins it
 * @param contactChannel the channel the figures of every module share (issue 15): the
 * citizen's WEB or MOBILE_WEB for the web form, the assistant and a chat; ignored for a
 * phone call (always HOTLINE) and Open311 (always OPEN311); null means WEB
 */
public record Intake(Channel channel, String categoryCode, String description, String address, Double latitude,
		Double longitude, List<UUID> documentIds, String contactName, String contactPhone, String contactEmail,
		UUID conversationId, String onBehalfOf, UUID duplicateOf, ContactChannel contactChannel) {

	/** An intake whose contact channel follows from its detailed channel alone. */
	public Intake(Channel channel, String categoryCode, String description, String address, Double latitude,
			Double longitude, List<UUID> documentIds, String contactName, String contactPhone, String contactEmail,
			UUID conversationId, String onBehalfOf, UUID duplicateOf) {
		this(channel, categoryCode, description, address, latitude, longitude, documentIds, contactName, contactPhone,
				contactEmail, conversationId, onBehalfOf, duplicateOf, null);
	}

	public Intake {
		// Nulls are kept for the facade to refuse by field (List.copyOf would throw).
		documentIds = documentIds == null ? List.of()
				: java.util.Collections.unmodifiableList(new java.util.ArrayList<>(documentIds));
	}

	/** The web form's and the API's intake. */
	public static Intake web(String categoryCode, String description, String address, Double latitude, Double longitude,
			List<UUID> documentIds, String contactPhone, UUID duplicateOf) {
		return new Intake(Channel.WEB, categoryCode, description, address, latitude, longitude, documentIds, null,
				contactPhone, null, null, null, duplicateOf);
	}

	/** The same intake, made through this contact channel (the citizen's device). */
	public Intake through(ContactChannel contact) {
		return new Intake(channel, categoryCode, description, address, latitude, longitude, documentIds, contactName,
				contactPhone, contactEmail, conversationId, onBehalfOf, duplicateOf, contact);
	}

	/**
	 * The contact channel to record: a phone call is the HOTLINE and Open311 is OPEN311
	 * whatever was given; the rest is what the request said, or WEB.
	 */
	ContactChannel recordedChannel() {
		if (channel == Channel.PHONE) {
			return ContactChannel.HOTLINE;
		}
		if (channel == Channel.OPEN311) {
			return ContactChannel.OPEN311;
		}
		return contactChannel == null ? ContactChannel.WEB : contactChannel;
	}

}
