package org.onestop.assistant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Takes the asking out of a question before it is searched: "怎么办", "需要什么", "how do I",
 * "can I". These words occur in many matters' FAQ, so left in they add a little score to
 * every matter, which blurs the one clear match the answer relies on and lets unrelated
 * questions ("what's the weather") reach a matter at all.
 */
final class QuestionWords {

	/**
	 * Longest first, so that "怎么办理" goes before "怎么"; multi-character only, so that no
	 * word is cut in half.
	 */
	private static final Pattern CHINESE = Pattern.compile(
			"请问|麻烦问一下|怎么办理|怎么办|怎么弄|怎么搞|怎么样|怎么|咋办|咋弄|咋整|如何" + "|要什么|需要|什么|在哪里|在哪儿|在哪|哪里|能不能|可不可以|可以|有没有|是不是|我想|我要|想要");

	private static final Set<String> ENGLISH = Set.of("how", "do", "does", "did", "i", "i'm", "im", "me", "my", "we",
			"our", "us", "you", "your", "can", "could", "should", "would", "what", "what's", "whats", "where", "when",
			"which", "who", "need", "want", "please", "get", "got", "am", "has", "have", "go", "his", "her", "here",
			"about");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,.?!;:，。？！；：、]+");

	private QuestionWords() {
	}

	/**
	 * The question without its asking words; blank when it was nothing but asking ("how
	 * do I?").
	 */
	static String searchable(String question) {
		return Arrays.stream(SEPARATORS.split(CHINESE.matcher(question).replaceAll(" ")))
			.filter(word -> !ENGLISH.contains(word.toLowerCase(Locale.ROOT)))
			.collect(Collectors.joining(" "))
			.strip();
	}

}
