package org.onestop.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at startup that texts will not be settled by receipts: with a provider set but no
 * receipt token, the receipts endpoint is off and every text the provider accepts stays
 * "sending" until the receipt deadline gives up on it.
 */
@Component
class ReceiptTokenWarning {

	static final String TOKEN = "onestop.notification.sms.receipts.token";

	private static final Logger log = LoggerFactory.getLogger(ReceiptTokenWarning.class);

	private final String provider;

	private final String token;

	ReceiptTokenWarning(NotificationProperties properties, Environment environment) {
		this.provider = properties.sms().provider();
		this.token = environment.getProperty(TOKEN, "");
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		if (missing()) {
			log.warn("SMS provider '{}' is set but {} (ONESTOP_SMS_RECEIPT_TOKEN) is not: no delivery receipt will "
					+ "be taken, and accepted texts are settled only by asking the provider", provider, TOKEN);
		}
	}

	boolean missing() {
		return !provider.isBlank() && token.isBlank();
	}

}
