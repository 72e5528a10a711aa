package org.onestop.complaint.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The complaint form as the citizen typed it: kept as text, so that a refused form shows
 * exactly what was sent (a latitude that is not a number included).
 */
public record ComplaintForm(String categoryCode, String description, String address, String latitude, String longitude,
		List<String> documentIds, String contactPhone) {

	public ComplaintForm {
		categoryCode = orEmpty(categoryCode);
		description = orEmpty(description);
		address = orEmpty(address);
		latitude = orEmpty(latitude);
		longitude = orEmpty(longitude);
		documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
		contactPhone = orEmpty(contactPhone);
	}

	static ComplaintForm empty(String categoryCode) {
		return new ComplaintForm(categoryCode, "", "", "", "", List.of(), "");
	}

	/** The same form with a document just uploaded ticked. */
	ComplaintForm withDocument(UUID document) {
		List<String> documents = new ArrayList<>(documentIds);
		documents.add(document.toString());
		return new ComplaintForm(categoryCode, description, address, latitude, longitude, documents, contactPhone);
	}

	/** The ticked documents that are document ids at all; the vault checks the rest. */
	List<UUID> documents() {
		List<UUID> ids = new ArrayList<>();
		for (String id : documentIds) {
			try {
				ids.add(UUID.fromString(id));
			}
			catch (IllegalArgumentException notAnId) {
				// Not one of the checkboxes the form offered: nothing to attach.
			}
		}
		return ids.stream().distinct().toList();
	}

	/**
	 * What a duplicate check is about: the same category at the same place is not asked
	 * about twice.
	 */
	String nearbyKey() {
		return (categoryCode + " " + latitude.strip() + " " + longitude.strip()).toUpperCase(Locale.ROOT);
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
