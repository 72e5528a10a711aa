package org.onestop.notification.sms;

import java.util.regex.Pattern;

/** Phone numbers as logs and staff may see them: the first three and last four digits. */
final class Phones {

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1\\d{2})\\d{4}(\\d{4})(?!\\d)");

	private Phones() {
	}

	/** The text with every mainland mobile number in it masked. */
	static String masked(String text) {
		return text == null ? null : MOBILE.matcher(text).replaceAll("$1****$2");
	}

}
