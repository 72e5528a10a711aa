package org.onestop.identity.code;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production until an SMS gateway is configured: nothing can be sent, and the log says
 * so, with the masked number but never the code (a log is read by more people than a
 * phone).
 */
@Component
@Profile("prod")
class UnconfiguredCodeSender implements CodeSender {

	private static final Logger log = LoggerFactory.getLogger(UnconfiguredCodeSender.class);

	@Override
	public void send(TextedCode code) {
		log.warn("No SMS gateway is configured: a {} code for {} was not sent", code.purpose(), code.maskedPhone());
	}

}
