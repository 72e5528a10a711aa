package org.onestop.certificate;

import java.time.Instant;
import java.time.LocalDate;

import org.onestop.shared.ContactChannel;
import org.onestop.shared.LocalizedText;

/**
 * What a filing receipt (受理回执) prints: the application, who it is for, how and where it
 * was filed, and when a decision is promised. The full ID number is only used to print
 * its masked form.
 *
 * @param hallName the service hall it was filed at; null when not at a hall
 * @param counterName the counter within that hall; null when not at a counter
 * @param filedByName who filed it for the applicant (a clerk, an agent, a
 * representative); null when the applicant filed it
 * @param dueDate the promised date of the decision; null when none is set yet
 * @param followPath the local path of the page that follows the application online
 */
public record ReceiptRequest(String reference, LocalizedText matterName, LocalizedText departmentName,
		String applicantName, String applicantIdNumber, Instant submittedAt, ContactChannel channel,
		LocalizedText hallName, LocalizedText counterName, String filedByName, LocalDate dueDate, String followPath) {

	public ReceiptRequest {
		if (followPath == null || !followPath.startsWith("/") || followPath.startsWith("//")) {
			throw new IllegalArgumentException("A receipt follows a local path");
		}
	}

}
