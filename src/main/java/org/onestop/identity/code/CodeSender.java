package org.onestop.identity.code;

import java.time.Instant;

/**
 * Delivers a one-time code to a phone: {@link OutboxCodeSender} texts it through the
 * notification outbox (whose dispatcher hands it to the configured SMS gateway, or keeps
 * it as not sent when there is none); outside production {@link DemoCodeOutbox} also
 * keeps it for administrators to read.
 */
interface CodeSender {

	void send(TextedCode code);

	/**
	 * A code on its way to a phone.
	 *
	 * @param subject the ID number or username the code is for
	 */
	record TextedCode(String phone, CodePurpose purpose, String subject, String code, Instant expiresAt) {

		/**
		 * The phone number with its middle hidden, as it may be shown:
		 * {@code 136****1720}.
		 */
		String maskedPhone() {
			return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
		}
	}

}
