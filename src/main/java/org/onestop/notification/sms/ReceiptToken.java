package org.onestop.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Lets a provider's push in by the shared secret. Providers push from their own servers
 * with no account of ours, so this token, not a sign-in, is what authenticates them.
 */
@Component
class ReceiptToken {

	private final byte[] expected;

	ReceiptToken(ReceiptProperties settings) {
		this.expected = settings.token().isBlank() ? null : digest(settings.token());
	}

	/**
	 * Refuses a missing or wrong token (403), and everything while no token is set (404:
	 * the endpoint is off).
	 */
	void check(String offered) {
		if (expected == null) {
			throw new NotFoundException("problem.detail.404");
		}
		// Comparing digests keeps the time the same whatever the length offered.
		if (offered == null || !MessageDigest.isEqual(expected, digest(offered))) {
			throw new ForbiddenException("problem.detail.receipt-token");
		}
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			// Every JDK has SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
