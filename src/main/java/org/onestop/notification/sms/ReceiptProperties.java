package org.onestop.notification.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery receipts under {@code onestop.notification.sms.receipts.*}.
 *
 * @param token the shared secret a provider's push must carry (in the {@code token} query
 * parameter, or the {@value ReceiptsApiController#TOKEN_HEADER} header); blank turns the
 * receipts endpoint off
 */
@ConfigurationProperties("onestop.notification.sms.receipts")
record ReceiptProperties(@DefaultValue("") String token) {

	/** A record would print the token; this never does. */
	@Override
	public String toString() {
		return "ReceiptProperties[token=" + (token.isBlank() ? "" : "(set)") + "]";
	}

}
