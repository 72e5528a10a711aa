package org.onestop.application.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.CorrectionRequests.CorrectionRequest;

/**
 * The registry clerk's correction requests: each with whom it is about (name and masked
 * ID number), the application it came from (its matter's name) and what is asked.
 *
 * @param matterNames matter code → name in the page's language
 * @param itemLabels data item key → label in the page's language
 * @param failed the request whose form was refused, if any
 */
public record CorrectionsPage(List<CorrectionRequest> requests, Map<String, String> matterNames,
		Map<String, String> itemLabels, UUID failed, Map<String, String> errors, String banner) {

	public String matter(CorrectionRequest request) {
		return matterNames.getOrDefault(request.serviceCode(), request.serviceCode());
	}

	public String item(CorrectionRequest request) {
		return itemLabels.getOrDefault(request.item(), request.item());
	}

	/**
	 * The ID number with all but its first six (the area) and last four characters
	 * hidden: enough for the clerk to find the record with the name, no more on screen. A
	 * local mask until identity offers one for every page.
	 */
	public static String masked(String idNumber) {
		if (idNumber == null || idNumber.length() <= 10) {
			return idNumber == null ? "" : "*".repeat(idNumber.length());
		}
		return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10)
				+ idNumber.substring(idNumber.length() - 4);
	}

}
