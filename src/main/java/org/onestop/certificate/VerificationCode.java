package org.onestop.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Codes that cannot be guessed (80 random bits) yet can be read aloud and typed:
 * Crockford's base 32, which has no I, L, O or U, in four groups of four. Reading
 * forgives case, blanks, missing dashes, and the letters people type for the digits 0 and
 * 1.
 */
final class VerificationCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int LENGTH = 16;

	private VerificationCode() {
	}

	static String random(SecureRandom random) {
		StringBuilder code = new StringBuilder(LENGTH + 3);
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code in its printed form, or empty when the input cannot be one. */
	static Optional<String> normalise(String input) {
		if (input == null || input.length() > 40) {
			return Optional.empty();
		}
		String compact = input.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s-]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		if (compact.length() != LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(String.join("-", compact.substring(0, 4), compact.substring(4, 8), compact.substring(8, 12),
				compact.substring(12)));
	}

}
