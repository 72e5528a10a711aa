package org.onestop.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the few messages that are not questions about a matter: asking after one's
 * own applications or appointments, and greetings and thanks. Plain word lists, because
 * these phrases are few and fixed; a miss falls through to the catalog, which then
 * usually finds nothing and says so. Requests for a person and complaints are not
 * recognised here: the conversation applies those rules before it asks for an answer.
 */
final class QuestionIntents {

	private static final List<String> MY_APPLICATIONS = List.of("我的申请", "我的办件", "申请进度", "办理进度", "审批进度", "审核进度", "办到哪",
			"到哪一步", "申请到哪", "审到哪", "批下来没", "批了没", "办好了没", "办好没", "my application", "application status",
			"status of my application", "track my application", "progress of my application", "application progress",
			"has my application");

	private static final List<String> MY_APPOINTMENTS = List.of("我的预约", "我预约的", "我约的", "预约的时间", "预约是哪天", "预约在哪天",
			"预约是几点", "my appointment", "my booking", "when is my appointment", "appointment i booked",
			"appointment i made");

	private static final List<String> GREETINGS = List.of("您好", "你好", "在吗", "在不在", "早上好", "下午好", "晚上好", "哈喽", "嗨",
			"good morning", "good afternoon", "good evening", "hello", "hi", "hey");

	private static final List<String> THANKS = List.of("谢谢", "多谢", "感谢", "辛苦了", "好的", "知道了", "明白了", "thank you",
			"thanks", "thx", "ok", "okay", "got it", "great", "cheers");

	/** What remains of a message once greetings, thanks and punctuation are taken out. */
	private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");

	enum Intent {

		MY_APPLICATIONS, MY_APPOINTMENTS, GREETING, THANKS

	}

	private QuestionIntents() {
	}

	static Optional<Intent> of(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		if (MY_APPOINTMENTS.stream().anyMatch(lower::contains)) {
			return Optional.of(Intent.MY_APPOINTMENTS);
		}
		if (MY_APPLICATIONS.stream().anyMatch(lower::contains)) {
			return Optional.of(Intent.MY_APPLICATIONS);
		}
		// Small talk only when nothing else is said: "你好，身份证丢了怎么办" is a question.
		if (onlyWordsOf(lower, THANKS, GREETINGS)) {
			return Optional.of(only(lower, GREETINGS) ? Intent.GREETING : Intent.THANKS);
		}
		return Optional.empty();
	}

	private static boolean only(String lower, List<String> words) {
		return onlyWordsOf(lower, words, List.of());
	}

	private static boolean onlyWordsOf(String lower, List<String> words, List<String> more) {
		String rest = " " + PUNCTUATION.matcher(lower).replaceAll(" ") + " ";
		for (List<String> list : List.of(words, more)) {
			for (String word : list) {
				// Latin words whole ("hi" is not in "this"); Chinese anywhere, it has no
				// spaces.
				rest = word.chars().allMatch(c -> c < 0x80) ? rest.replace(" " + word + " ", "  ")
						: rest.replace(word, " ");
			}
		}
		rest = rest.replace("啊", "")
			.replace("呀", "")
			.replace("啦", "")
			.replace("呢", "")
			.replace("哈", "")
			.replace("你", "")
			.replace("您", "")
			.replace("so much", "")
			.replace("very much", "")
			.replace("a lot", "");
		return rest.isBlank() && !lower.isBlank();
	}

}
