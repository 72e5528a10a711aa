package org.onestop.shared;

import java.util.Locale;

/** A text in Chinese and English; Chinese is the one that always exists. */
public record LocalizedText(String zh, String en) {

	/** The text in the given language, falling back to Chinese. */
	public String in(Locale locale) {
		return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
	}

	private static final String MARK = "\u2063";

	/**
	 * This text in one string, for a column or list of strings that a page later shows in
	 * its reader's language ({@link #unpacked}).
	 */
	public String packed() {
		String english = en == null || en.isBlank() ? zh : en;
		return MARK + zh.replace(MARK, "") + MARK + english.replace(MARK, "");
	}

	/**
	 * A string made by {@link #packed}; any other string (written before texts were
	 * packed) stands for both languages as it is.
	 */
	public static LocalizedText unpacked(String text) {
		if (text == null || !text.startsWith(MARK)) {
			return new LocalizedText(text, text);
		}
		String[] forms = text.substring(MARK.length()).split(MARK, 2);
		return new LocalizedText(forms[0], forms.length > 1 ? forms[1] : forms[0]);
	}

	public boolean complete() {
		return zh != null && !zh.isBlank() && en != null && !en.isBlank();
	}
}
