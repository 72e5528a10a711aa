package org.onestop.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterMatch;

import org.springframework.core.io.ClassPathResource;

/**
 * The matters that are for one age group ({@code assistant/age-matters.json}: the elderly
 * allowance from 70, the seniors' bus card from 65, the childcare subsidy under 3, ...),
 * applied to a ranking once the question says whose age it is ({@link AgeMentions}):
 * <ul>
 * <li>a matter whose ages exclude the person's is dropped: an 80-year-old mother never
 * gets the childcare subsidy, a two-year-old never the elderly allowance; without an age,
 * an old person (grandparents, 老人) drops the children's matters and a child the old
 * people's;</li>
 * <li>with an age given, a matter for that age whose words the question uses ("补贴",
 * "bus") goes first, clearly ahead of the rest, so that "我妈妈80岁了有什么补贴" answers the
 * elderly allowance rather than whichever subsidy shares the word. Not when the question
 * is about a death ("去世", "funeral"): the allowance is for the living.</li>
 * </ul>
 */
final class AgeMatters {

	record Rule(String code, Integer minAge, Integer maxAge, List<String> words) {

		boolean fits(AgeMentions.Person person) {
			if (person.age().isPresent()) {
				int age = person.age().get();
				return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
			}
			if (person.elderly()) {
				return maxAge == null || maxAge >= 60;
			}
			if (person.child()) {
				return minAge == null || minAge < 18;
			}
			return true;
		}

		boolean asked(String lower) {
			return ASKED.get(this).test(lower);
		}

	}

	private static final List<String> DEATH = List.of("去世", "过世", "走了", "身故", "逝世", "离世", "丧", "殡", "died", "dead",
			"passed away", "death", "funeral");

	/** How far ahead of the best other match a matter for the person's age goes. */
	static final double LEAD = 1.5;

	private static final List<Rule> RULES = read("assistant/age-matters.json");

	/** Each rule's words, ready: Chinese anywhere, English whole. */
	private static final Map<Rule, Predicate<String>> ASKED = RULES.stream()
		.collect(Collectors.toMap(Function.identity(), r -> {
			List<String> chinese = r.words().stream().filter(w -> !w.chars().allMatch(c -> c < 0x80)).toList();
			Pattern english = wholeWords(r.words().stream().filter(w -> w.chars().allMatch(c -> c < 0x80)).toList());
			return lower -> chinese.stream().anyMatch(lower::contains) || english.matcher(lower).find();
		}));

	private AgeMatters() {
	}

	static List<Rule> rules() {
		return RULES;
	}

	static List<Rule> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
				.readValue(in, new TypeReference<List<Rule>>() {
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The ranking with the person's age applied; {@code matter} looks up a published
	 * matter by code, for a fitting matter the search did not rank.
	 */
	static List<MatterMatch> apply(String question, List<MatterMatch> ranked, Function<String, Optional<Matter>> matter,
			double minScore) {
		AgeMentions.Person person = AgeMentions.of(question);
		if (!person.known()) {
			return ranked;
		}
		List<MatterMatch> kept = ranked.stream().filter(m -> fits(m.matter().code(), person)).toList();
		String lower = question.toLowerCase(Locale.ROOT);
		if (person.age().isEmpty() || DEATH.stream().anyMatch(lower::contains)) {
			return kept;
		}
		List<Rule> first = RULES.stream()
			.filter(r -> r.minAge() != null || r.maxAge() != null)
			.filter(r -> r.fits(person) && r.asked(lower))
			.toList();
		if (first.isEmpty()) {
			return kept;
		}
		double best = kept.isEmpty() ? 0 : kept.get(0).score();
		double lead = Math.max(best, minScore) * LEAD;
		List<MatterMatch> result = new ArrayList<>();
		for (Rule r : first) {
			matter.apply(r.code()).ifPresent(m -> result.add(new MatterMatch(m, lead)));
		}
		kept.stream()
			.filter(m -> result.stream().noneMatch(f -> f.matter().code().equals(m.matter().code())))
			.forEach(result::add);
		result.sort(Comparator.comparingDouble(MatterMatch::score).reversed());
		return List.copyOf(result);
	}

	/**
	 * One expression matching any of the (lower-case) words or phrases whole; one that
	 * never matches when there are none.
	 */
	static Pattern wholeWords(List<String> words) {
		if (words.isEmpty()) {
			return Pattern.compile("(?!)");
		}
		return Pattern.compile(
				"(?<![a-z])(?:" + words.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![a-z])");
	}

	private static boolean fits(String code, AgeMentions.Person person) {
		return RULES.stream().filter(r -> r.code().equals(code)).allMatch(r -> r.fits(person));
	}

}
