package org.onestop.identity;

import java.util.Locale;

/** A department of the city government. */
public record Department(String code, String nameZh, String nameEn) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
