package org.onestop.identity.account;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers as people type them, and as pages may show them. */
public final class Phones {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private Phones() {
	}

	/**
	 * The number without spaces, hyphens or a leading {@code +86}/{@code 86}, if it is a
	 * mobile number.
	 */
	public static Optional<String> mobile(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String digits = typed.strip().replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.length() == 13 && digits.startsWith("86")) {
			digits = digits.substring(2);
		}
		return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
	}

	/** {@code 136****1720}: the middle hidden. */
	public static String masked(String phone) {
		return phone == null || phone.length() < 7 ? "****"
				: phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
