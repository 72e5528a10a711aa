package org.onestop.assistant;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language a question is written in, which is the language of the answer: a citizen
 * who types English in the Chinese interface reads English, and the reverse. Mixed
 * questions go by the majority: each Latin word (a run of letters) counts one, each two
 * Chinese characters count one (a Chinese word is about two characters long), so "我的ID
 * card丢了怎么办" is Chinese and "my mom 八十岁 what subsidy" English. A tie, or a message with
 * neither (digits, a matter code, an emoji), keeps the interface's language.
 */
final class QuestionLanguage {

	private static final Pattern MATTER_CODE = Pattern.compile("\\b[A-Za-z]{2,4}-[A-Za-z]{2,5}-\\d{3}\\b");

	private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");

	private QuestionLanguage() {
	}

	static Locale of(String text, Locale interfaceLocale) {
		Locale fallback = "en".equals(interfaceLocale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String words = MATTER_CODE.matcher(text).replaceAll(" ");
		int latin = 0;
		for (Matcher m = LATIN_WORD.matcher(words); m.find();) {
			latin++;
		}
		long han = words.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
		double chinese = han / 2.0;
		if (latin > chinese) {
			return Locale.ENGLISH;
		}
		if (chinese > latin) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		return fallback;
	}

}
