package org.onestop.assistant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterMatch;
import org.onestop.platform.Messages;
import org.springframework.stereotype.Component;

/**
 * Answers a question from the catalog and each matter's FAQ, in the question's language
 * (see {@link QuestionLanguage}): a matter the city does not handle says who does
 * ({@link ElsewhereMatters}); a matter code (what a CHOOSE button sends) or one clear
 * match gives that matter; two or three close matches ask which, with buttons; nothing
 * good enough says so. Asking after one's own applications or appointments, greetings and
 * thanks are recognised first. Nothing here is remembered between messages.
 */
@Component
class Answers {

	private static final Pattern MATTER_CODE = Pattern.compile("[A-Z]{2,4}-[A-Z]{2,5}-\\d{3}");

	private final Catalog catalog;

	private final Retrieval retrieval;

	private final MatterReplies replies;

	private final Messages messages;

	private final ElsewhereMatters elsewhere;

	Answers(Catalog catalog, Retrieval retrieval, MatterReplies replies, Messages messages,
			ElsewhereMatters elsewhere) {
		this.elsewhere = elsewhere;
		this.catalog = catalog;
		this.retrieval = retrieval;
		this.replies = replies;
		this.messages = messages;
	}

	/**
	 * The answer in the question's language ({@link QuestionLanguage}; the interface's
	 * when the question does not tell).
	 */
	Answer answer(String text, Locale locale) {
		String question = text == null ? "" : text.strip();
		Locale language = QuestionLanguage.of(question, locale);
		Optional<Matter> chosen = MATTER_CODE.matcher(question.toUpperCase(Locale.ROOT)).matches()
				? catalog.matter(question.toUpperCase(Locale.ROOT)) : Optional.empty();
		if (chosen.isPresent()) {
			return replies.answer(chosen.get(), "", language);
		}
		// Before intents and the catalog: "我的护照申请" is about a passport, and a
		// passport question shares its words with the ID card's matters.
		Optional<ElsewhereMatters.Topic> elsewhere = this.elsewhere.of(question);
		if (elsewhere.isPresent()) {
			return elsewhere(elsewhere.get(), language);
		}
		Optional<QuestionIntents.Intent> intent = QuestionIntents.of(question);
		if (intent.isPresent()) {
			return intent(intent.get(), language);
		}
		Retrieval.Outcome outcome = retrieval.find(question);
		List<Matter> offered = outcome.offered().stream().map(MatterMatch::matter).toList();
		return switch (outcome.verdict()) {
			case CLEAR -> replies.answer(offered.get(0), question, language);
			case CLOSE -> choose(offered, language);
			case NOTHING -> unknown(question, language);
		};
	}

	private Answer elsewhere(ElsewhereMatters.Topic topic, Locale locale) {
		return new Answer(Answer.Kind.ELSEWHERE, t(locale, "assistant.answer.elsewhere", topic.name().in(locale),
				topic.where().in(locale), topic.how().in(locale)), List.of(), List.of(), topic.topic());
	}

	private Answer choose(List<Matter> offered, Locale locale) {
		List<MatterSuggestion> suggestions = replies.suggestions(offered, locale);
		List<Action> actions = suggestions.stream()
			.map(s -> new Action(Action.Type.CHOOSE, s.name(), null, s.code()))
			.toList();
		return new Answer(Answer.Kind.CHOOSE, t(locale, "assistant.answer.choose"), suggestions, actions);
	}

	private Answer unknown(String question, Locale locale) {
		List<Action> actions = question.isBlank() ? List.of()
				: List.of(new Action(Action.Type.READ_MORE, t(locale, "assistant.answer.action.search"),
						"/services?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8), null));
		return new Answer(Answer.Kind.UNKNOWN, t(locale, "assistant.answer.unknown"), List.of(), actions);
	}

	private Answer intent(QuestionIntents.Intent intent, Locale locale) {
		return switch (intent) {
			case MY_APPLICATIONS -> new Answer(Answer.Kind.MY_APPLICATIONS,
					t(locale, "assistant.answer.my-applications"), List.of(), List.of(new Action(Action.Type.READ_MORE,
							t(locale, "assistant.answer.action.my-applications"), "/applications", null)));
			case MY_APPOINTMENTS -> new Answer(Answer.Kind.MY_APPOINTMENTS,
					t(locale, "assistant.answer.my-appointments"), List.of(), List.of(new Action(Action.Type.READ_MORE,
							t(locale, "assistant.answer.action.my-appointments"), "/appointments", null)));
			case GREETING ->
				new Answer(Answer.Kind.SMALL_TALK, t(locale, "assistant.answer.greeting"), List.of(), List.of());
			case THANKS ->
				new Answer(Answer.Kind.SMALL_TALK, t(locale, "assistant.answer.thanks"), List.of(), List.of());
		};
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.get(locale, key, args);
	}

}
