package org.onestop.assistant;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that decide a handoff, in Chinese and English: a typed request for a person
 * (handed off at once), a yes or no to an offer, a complaint, and distress. Text is
 * compared after NFKC normalisation, so full-width "０" and "ＨＵＭＡＮ" count like their
 * half-width forms. Whole-message rules for bare words ("agent", "person") keep questions
 * such as "registered agent of a company" or "personal ID card" with the assistant.
 */
final class HandoffPhrases {

	private static final Set<String> PERSON_WORDS = Set.of("人工", "转人工", "人工服务", "人工客服", "找客服", "客服", "真人", "找人工", "要人工",
			"我要人工", "转人工服务", "人工坐席", "人工座席", "0", "human", "agent", "operator", "person", "real person", "a person",
			"a human", "live agent", "human agent", "representative", "customer service");

	private static final Pattern PERSON_ZH = Pattern
		.compile("(转|找|要|接|换|叫|请|联系)\\s*(个|一个|一位|位)?\\s*(人工|客服|真人|工作人员|接线员)|人工(客服|服务|坐席|座席)"
				+ "|(和|跟|与|同)\\s*(真人|人工|客服|工作人员)\\s*(说|聊|谈|对话|通话|沟通)");

	private static final Pattern PERSON_EN = Pattern.compile(
			"\\b(talk|speak|chat|connect|transfer|put)\\s+(me\\s+)?(to|with|through to)\\s+(a|an|the|some|your)?\\s*"
					+ "(real|live|actual|human)?\\s*(person|human|agent|operator|someone|somebody|people|representative|staff)\\b"
					+ "|\\b(want|need|get)\\s+(me\\s+)?(a|an|the)?\\s*(real|live|actual)?\\s*(person|human|agent|operator|representative)\\b"
					+ "|\\b(real|live|actual)\\s+(person|human|agent)\\b");

	private static final Set<String> YES = Set.of("是", "是的", "好", "好的", "可以", "行", "嗯", "要", "确定", "转", "yes", "y",
			"yes please", "ok", "okay", "sure", "please", "yeah");

	private static final Set<String> NO = Set.of("不", "不用", "不要", "不用了", "算了", "否", "no", "n", "no thanks", "not now");

	private static final List<String> DISTRESS = List.of("不想活", "想死", "自杀", "轻生", "活不下去", "结束生命", "跳楼", "割腕", "救命",
			"suicide", "kill myself", "end my life", "want to die", "self-harm", "self harm", "hurt myself",
			"don't want to live", "dont want to live");

	private static final List<String> COMPLAINT = List.of("投诉", "举报", "太差", "差评", "不满", "态度差", "态度恶劣", "很急", "着急", "急用",
			"急死", "气死", "骗子", "没人管", "踢皮球", "推诿", "complaint", "complain", "terrible", "awful", "useless", "ridiculous",
			"unacceptable", "urgent", "emergency", "angry", "disgusting");

	private static final Pattern TRAILING = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s。！？，、~～]+$");

	private static final Pattern LEADING_FILLER = Pattern.compile("^(please|pls|hi|hello|你好|您好|请)[\\s,，]*");

	private static final Pattern TRAILING_FILLER = Pattern.compile("[\\s,，]*(please|pls|吧|啊|呀|谢谢|thanks)$");

	private HandoffPhrases() {
	}

	/**
	 * Lower case, NFKC (full width to half width), one space between words, no trailing
	 * punctuation.
	 */
	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
		s = s.replaceAll("\\s+", " ").strip();
		return TRAILING.matcher(s).replaceAll("");
	}

	/** The citizen typed a request for a person: hand off at once, no confirmation. */
	static boolean asksForPerson(String text) {
		String s = normalize(text);
		if (s.isEmpty()) {
			return false;
		}
		String core = TRAILING.matcher(TRAILING_FILLER.matcher(LEADING_FILLER.matcher(s).replaceAll("")).replaceAll(""))
			.replaceAll("");
		if (PERSON_WORDS.contains(s) || PERSON_WORDS.contains(core)) {
			return true;
		}
		return PERSON_ZH.matcher(s).find() || PERSON_EN.matcher(s).find();
	}

	static boolean yes(String text) {
		return YES.contains(normalize(text));
	}

	static boolean no(String text) {
		return NO.contains(normalize(text));
	}

	/**
	 * Words of self-harm or danger to life: a person is offered and the emergency numbers
	 * shown.
	 */
	static boolean distress(String text) {
		return containsAny(normalize(text), DISTRESS);
	}

	/**
	 * The text without control characters (PostgreSQL refuses NUL; the rest only
	 * confuse); line breaks stay.
	 */
	static String printable(String text) {
		return text.replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "");
	}

	/** A complaint, anger or urgency: a person is offered at once. */
	static boolean complaint(String text) {
		return containsAny(normalize(text), COMPLAINT);
	}

	private static boolean containsAny(String s, List<String> words) {
		for (String word : words) {
			if (word.chars().allMatch(c -> c < 128)) {
				if (Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(s).find()) {
					return true;
				}
			}
			else if (s.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
