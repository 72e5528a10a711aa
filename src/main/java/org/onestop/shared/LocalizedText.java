package org.onestop.shared;

import java.util.Locale;

/** A text in Chinese and English; Chinese is the one that always exists. */
public record LocalizedText(String zh, String en) {

	/** The text in the given language, falling back to Chinese. */
	public String in(Locale locale) {
		return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
	}

	public boolean complete() {
		return zh != null && !zh.isBlank() && en != null && !en.isBlank();
	}
}
