package org.onestop.notification;

/**
 * A template's text as an administrator wrote it, before or after the rules have checked
 * it. INBOX and SMS use only {@code body}; EMAIL uses the subject, the plain-text body
 * and an optional HTML body.
 */
record TemplateDraft(String subject, String body, String htmlBody, String providerTemplateCode) {

	TemplateDraft {
		subject = blankToNull(subject);
		body = body == null ? "" : body.replace("\r\n", "\n");
		htmlBody = blankToNull(htmlBody);
		providerTemplateCode = blankToNull(providerTemplateCode);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
