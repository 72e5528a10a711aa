package org.onestop.notification;

import java.util.Map;

/**
 * A message rendered for one channel and language, as the outbox keeps it: exactly what
 * the provider is handed, so that a retry sends the same.
 *
 * @param subject the e-mail subject or inbox line; null for SMS
 * @param body the SMS text (signature included) or the e-mail's plain text
 * @param htmlBody the e-mail's HTML; null otherwise
 * @param providerTemplateCode the SMS provider's approved template; null otherwise
 * @param parameters the SMS template's parameters by field name
 */
record Rendered(String subject, String body, String htmlBody, String providerTemplateCode,
		Map<String, String> parameters) {

	Rendered {
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}

}
