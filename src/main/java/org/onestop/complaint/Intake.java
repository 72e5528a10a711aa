package org.onestop.complaint;

import java.util.List;
import java.util.UUID;

/**
 * A complaint as it arrives, from any channel.
 *
 * @param onBehalfOf the citizen an agent files for (a chat or call with a signed-in
 * citizen), or null
 * @param duplicateOf an open complaint the reporter said is the same one ("is this what
 * you are reporting?"): the new complaint joins it
 */
public record Intake(Channel channel, String categoryCode, String description, String address, Double latitude,
		Double longitude, List<UUID> documentIds, String contactName, String contactPhone, String contactEmail,
		UUID conversationId, String onBehalfOf, UUID duplicateOf) {

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

}
