package org.onestop.appointment;

import java.util.Locale;

/**
 * A service hall, with its name, address and directions (how to get there) in both
 * languages.
 */
public record ServiceHall(String code, String nameZh, String nameEn, String addressZh, String addressEn, String phone,
		String openingHours, String directionsZh, String directionsEn) {

	public String name(Locale locale) {
		return english(locale) ? nameEn : nameZh;
	}

	public String address(Locale locale) {
		return english(locale) ? addressEn : addressZh;
	}

	public String directions(Locale locale) {
		return english(locale) ? directionsEn : directionsZh;
	}

	private static boolean english(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

}
