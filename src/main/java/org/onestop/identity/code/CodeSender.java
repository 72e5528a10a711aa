package org.onestop.identity.code;

import java.time.Instant;

/**
 * Delivers a one-time code to a phone. There is no SMS gateway yet: outside production
 * {@link DemoCodeOutbox} keeps the codes for administrators to read, in production
 * {@link UnconfiguredCodeSender} says that nothing was sent. A gateway replaces both
 * behind this seam.
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
