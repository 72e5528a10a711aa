package org.onestop.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose age a question gives, and what it is: "我妈妈今年八十岁" is a parent of 80, "我爸七十多了" a
 * parent of 70 or more, "my father is 82" a parent of 82, "我儿子两岁" a child of 2, "我今年六十五岁"
 * the asker at 65. Chinese numerals (八十, 七十多, 九十五, 一百, 两), digits ("80多"), English number
 * words ("eighty-two") and decades ("in his seventies") are read; a number counts as an
 * age only where the sentence says so (岁, 周岁, 今年, 年满, "了" after it, "is", "aged", "years
 * old", "over"), so that "公积金贷款30万" is no age. Without an age, the relation alone says
 * whether the person is old (grandparents, 老人, "elderly") or a child.
 */
final class AgeMentions {

	/** Who the question is about, as far as its words say. */
	enum Relation {

		SELF, PARENT, GRANDPARENT, ELDER, CHILD, UNKNOWN

	}

	/**
	 * The person a question is about: {@code age} in whole years when one is given ("七十多"
	 * is 70, "快八十" 79), and the relation.
	 */
	record Person(Optional<Integer> age, Relation relation) {

		/** Old by age (60 or more) or by relation (grandparents, 老人). */
		boolean elderly() {
			return age.map(a -> a >= 60).orElse(relation == Relation.GRANDPARENT || relation == Relation.ELDER);
		}

		/** A child by age (under 18) or by relation (孩子, my son). */
		boolean child() {
			return age.map(a -> a < 18).orElse(relation == Relation.CHILD);
		}

		boolean known() {
			return age.isPresent() || relation != Relation.UNKNOWN;
		}

	}

	/**
	 * Relation words, longest first within each script, so that "外婆" goes before "婆".
	 * English words are matched whole.
	 */
	private static final List<Map.Entry<String, Relation>> CHINESE_RELATIONS = List.of(Map.entry("老年人", Relation.ELDER),
			Map.entry("老人家", Relation.ELDER), Map.entry("老人", Relation.ELDER), Map.entry("爷爷", Relation.GRANDPARENT),
			Map.entry("奶奶", Relation.GRANDPARENT), Map.entry("外公", Relation.GRANDPARENT),
			Map.entry("外婆", Relation.GRANDPARENT), Map.entry("姥爷", Relation.GRANDPARENT),
			Map.entry("姥姥", Relation.GRANDPARENT), Map.entry("祖父", Relation.GRANDPARENT),
			Map.entry("祖母", Relation.GRANDPARENT), Map.entry("妈妈", Relation.PARENT), Map.entry("母亲", Relation.PARENT),
			Map.entry("爸爸", Relation.PARENT), Map.entry("父亲", Relation.PARENT), Map.entry("老妈", Relation.PARENT),
			Map.entry("老爸", Relation.PARENT), Map.entry("婆婆", Relation.PARENT), Map.entry("公公", Relation.PARENT),
			Map.entry("岳父", Relation.PARENT), Map.entry("岳母", Relation.PARENT), Map.entry("丈母娘", Relation.PARENT),
			Map.entry("父母", Relation.PARENT), Map.entry("我妈", Relation.PARENT), Map.entry("我爸", Relation.PARENT),
			Map.entry("儿子", Relation.CHILD), Map.entry("女儿", Relation.CHILD), Map.entry("孩子", Relation.CHILD),
			Map.entry("宝宝", Relation.CHILD), Map.entry("小孩", Relation.CHILD), Map.entry("婴儿", Relation.CHILD),
			Map.entry("孙子", Relation.CHILD), Map.entry("孙女", Relation.CHILD), Map.entry("我今年", Relation.SELF),
			Map.entry("本人", Relation.SELF));

	private static final Map<String, Relation> ENGLISH_RELATIONS = Map.ofEntries(Map.entry("mother", Relation.PARENT),
			Map.entry("mom", Relation.PARENT), Map.entry("mum", Relation.PARENT), Map.entry("mummy", Relation.PARENT),
			Map.entry("father", Relation.PARENT), Map.entry("dad", Relation.PARENT),
			Map.entry("daddy", Relation.PARENT), Map.entry("parent", Relation.PARENT),
			Map.entry("parents", Relation.PARENT), Map.entry("grandfather", Relation.GRANDPARENT),
			Map.entry("grandmother", Relation.GRANDPARENT), Map.entry("grandpa", Relation.GRANDPARENT),
			Map.entry("grandma", Relation.GRANDPARENT), Map.entry("granny", Relation.GRANDPARENT),
			Map.entry("grandparent", Relation.GRANDPARENT), Map.entry("grandparents", Relation.GRANDPARENT),
			Map.entry("elderly", Relation.ELDER), Map.entry("senior", Relation.ELDER),
			Map.entry("seniors", Relation.ELDER), Map.entry("pensioner", Relation.ELDER),
			Map.entry("son", Relation.CHILD), Map.entry("daughter", Relation.CHILD), Map.entry("child", Relation.CHILD),
			Map.entry("children", Relation.CHILD), Map.entry("kid", Relation.CHILD), Map.entry("kids", Relation.CHILD),
			Map.entry("baby", Relation.CHILD), Map.entry("toddler", Relation.CHILD), Map.entry("i", Relation.SELF),
			Map.entry("i'm", Relation.SELF), Map.entry("im", Relation.SELF));

	/** Any English relation word but the asker's own. */
	private static final Pattern OTHERS = AgeMatters.wholeWords(ENGLISH_RELATIONS.entrySet()
		.stream()
		.filter(e -> e.getValue() != Relation.SELF)
		.map(Map.Entry::getKey)
		.sorted()
		.toList());

	private static final Pattern WORD = Pattern.compile("[a-z']+");

	private static final Pattern CHINESE_NUMBER = Pattern.compile("[零〇一二两三四五六七八九十百]+");

	private static final Map<String, Integer> ENGLISH_UNITS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
			Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
			Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
			Map.entry("nineteen", 19));

	private static final Map<String, Integer> ENGLISH_TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty",
			50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

	private static final Pattern ENGLISH_NUMBER = Pattern.compile(
			"\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(one|two|three|four|five|six|seven|eight|nine))?\\b"
					+ "|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\\b"
					+ "|\\b(a|one) hundred\\b");

	private static final Pattern DECADE = Pattern.compile(
			"\\bin (?:his|her|my|their|the) (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b");

	/** Months or days old: a baby, age 0. */
	private static final Pattern BABY = Pattern.compile(
			"\\d+\\s*(?:个月|个多月|天)大|\\d+\\s*个多?月了|\\b\\d+\\s*(?:months?|weeks?|days?)[\\s-]+old\\b|满月|\\bnewborn\\b");

	/**
	 * Ages in Chinese, on digits (numerals are turned into digits first): "80岁", "80多岁",
	 * "1岁半", "今年80", "年满70", "快80", "85了".
	 */
	private static final Pattern CHINESE_AGE = Pattern
		.compile("(快要|快|将近|不到|今年|年满|满|已经|已|都)?\\s*(\\d{1,3})\\s*(多|几)?\\s*(周岁|岁|了)");

	/** After an age: it is a limit ("3岁以下", "未满"), not the person's age. */
	private static final Pattern LIMIT = Pattern.compile("\\s*(以下|以内|之内|之下)");

	private static final Pattern CHINESE_AGE_AFTER = Pattern.compile("(快要|快|将近|不到|今年|年满|满|已经)\\s*(\\d{1,3})(多|几)?");

	private static final Pattern ENGLISH_AGE = Pattern.compile(
			"\\b(\\d{1,3})\\s*\\+?[\\s-]*(?:years?|yrs?)(?:[\\s-]+old|[\\s-]+of age)\\b|\\b(\\d{1,3})[\\s-]*year[\\s-]*old\\b"
					+ "|\\b(?:is|am|i'm|im|turned|turns|turning|aged|age|over|nearly|almost|now)\\s+(\\d{1,3})\\b"
					+ "|\\b(\\d{1,3})\\s*\\+");

	private AgeMentions() {
	}

	static Person of(String question) {
		String text = question == null ? "" : question.toLowerCase(Locale.ROOT);
		return new Person(age(text), relation(text));
	}

	static Optional<Integer> age(String lower) {
		String digits = englishDigits(chineseDigits(lower));
		Matcher decade = DECADE.matcher(digits);
		if (decade.find()) {
			return Optional.of(ENGLISH_TENS.getOrDefault(switch (decade.group(1)) {
				case "twenties" -> "twenty";
				case "thirties" -> "thirty";
				case "forties" -> "forty";
				case "fifties" -> "fifty";
				case "sixties" -> "sixty";
				case "seventies" -> "seventy";
				case "eighties" -> "eighty";
				default -> "ninety";
			}, 0));
		}
		Matcher chinese = CHINESE_AGE.matcher(digits);
		while (chinese.find()) {
			// "三岁以下的育儿补贴" states a limit, nobody's age.
			if (!LIMIT.matcher(digits).region(chinese.end(), digits.length()).lookingAt()) {
				return plausible(Integer.parseInt(chinese.group(2)) - (nearly(chinese.group(1)) ? 1 : 0));
			}
		}
		Matcher before = CHINESE_AGE_AFTER.matcher(digits);
		if (before.find()) {
			return plausible(Integer.parseInt(before.group(2)) - (nearly(before.group(1)) ? 1 : 0));
		}
		if (BABY.matcher(digits).find()) {
			return Optional.of(0);
		}
		Matcher english = ENGLISH_AGE.matcher(digits);
		while (english.find()) {
			for (int g = 1; g <= english.groupCount(); g++) {
				if (english.group(g) != null) {
					boolean nearly = english.group().startsWith("nearly") || english.group().startsWith("almost");
					Optional<Integer> age = plausible(Integer.parseInt(english.group(g)) - (nearly ? 1 : 0));
					if (age.isPresent()) {
						return age;
					}
				}
			}
		}
		return Optional.empty();
	}

	private static boolean nearly(String word) {
		return word != null && (word.startsWith("快") || word.equals("将近") || word.equals("不到"));
	}

	private static Optional<Integer> plausible(int age) {
		return age >= 0 && age <= 120 ? Optional.of(age) : Optional.empty();
	}

	static Relation relation(String lower) {
		int first = Integer.MAX_VALUE;
		Relation found = Relation.UNKNOWN;
		for (Map.Entry<String, Relation> e : CHINESE_RELATIONS) {
			int at = lower.indexOf(e.getKey());
			if (at >= 0 && at < first) {
				first = at;
				found = e.getValue();
			}
		}
		Matcher words = WORD.matcher(lower);
		while (words.find()) {
			Relation r = ENGLISH_RELATIONS.get(words.group());
			if (r != null && words.start() < first) {
				// "I" names the asker only when nothing closer says whose age it is:
				// "I want my father's allowance" is about the father.
				if (r == Relation.SELF && OTHERS.matcher(lower).find()) {
					continue;
				}
				first = words.start();
				found = r;
			}
		}
		return found;
	}

	/** "八十" → "80", "七十多" → "70多", "九十五" → "95", "一百" → "100", "两" → "2". */
	static String chineseDigits(String text) {
		Matcher m = CHINESE_NUMBER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int value = chineseValue(m.group());
			m.appendReplacement(out, value < 0 ? m.group() : String.valueOf(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static int chineseValue(String numeral) {
		int total = 0;
		int digit = -1;
		for (char c : numeral.toCharArray()) {
			int d = "零〇一二三四五六七八九".indexOf(c);
			if (c == '两') {
				d = 2;
			}
			else if (d >= 0) {
				d = d <= 1 ? 0 : d - 1;
			}
			if (d >= 0) {
				digit = d;
			}
			else if (c == '十') {
				total += (digit < 0 ? 1 : digit) * 10;
				digit = -1;
			}
			else if (c == '百') {
				total += (digit < 0 ? 1 : digit) * 100;
				digit = -1;
			}
		}
		return total + Math.max(digit, 0);
	}

	/** "eighty-two" → "82", "a hundred" → "100". */
	static String englishDigits(String text) {
		Matcher m = ENGLISH_NUMBER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int value;
			if (m.group(1) != null) {
				value = ENGLISH_TENS.get(m.group(1)) + (m.group(2) == null ? 0 : ENGLISH_UNITS.get(m.group(2)));
			}
			else if (m.group(3) != null) {
				value = ENGLISH_UNITS.get(m.group(3));
			}
			else {
				value = 100;
			}
			m.appendReplacement(out, String.valueOf(value));
		}
		m.appendTail(out);
		return out.toString();
	}

}
