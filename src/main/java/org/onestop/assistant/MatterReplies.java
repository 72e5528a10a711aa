package org.onestop.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.onestop.appointment.ServiceHall;
import org.onestop.appointment.ServiceHalls;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterDefinition;
import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.catalog.MatterDefinition.Provision;
import org.onestop.catalog.MatterDefinition.RequiredDocument;
import org.onestop.identity.Departments;
import org.onestop.platform.Messages;
import org.springframework.stereotype.Component;

/**
 * Says what the catalog says about one matter, as a reply in the asker's language: its
 * name and department, what to prepare, where, how long, whether it can be done online,
 * and the one FAQ answer the question asks for. Lines are separated by a line break; the
 * conversation decides how to show them.
 */
@Component
class MatterReplies {

	private final Messages messages;

	private final Departments departments;

	private final ServiceHalls halls;

	MatterReplies(Messages messages, Departments departments, ServiceHalls halls) {
		this.messages = messages;
		this.departments = departments;
		this.halls = halls;
	}

	Answer answer(Matter matter, String question, Locale locale) {
		MatterDefinition m = matter.definition();
		MatterSuggestion suggestion = suggestions(List.of(matter), locale).get(0);
		List<String> lines = new ArrayList<>();
		lines.add(t(locale, "assistant.answer.matter.title", suggestion.name(), suggestion.department()));
		List<String> prepare = documents(m, locale, p -> p != Provision.GOVERNMENT_HOLDS);
		lines.add(prepare.isEmpty() ? t(locale, "assistant.answer.matter.prepare.none")
				: t(locale, "assistant.answer.matter.prepare", join(prepare, locale)));
		List<String> held = documents(m, locale, p -> p == Provision.GOVERNMENT_HOLDS);
		if (!held.isEmpty()) {
			lines.add(t(locale, "assistant.answer.matter.held", join(held, locale)));
		}
		String hallNames = join(hallNames(m, locale), locale);
		if (m.channel() == Channel.ONLINE) {
			lines.add(hallNames.isEmpty() ? t(locale, "assistant.answer.matter.where.online")
					: t(locale, "assistant.answer.matter.where.online-or-hall", hallNames));
		}
		else {
			lines.add(t(locale, "assistant.answer.matter.where",
					hallNames.isEmpty() ? suggestion.department() : hallNames));
		}
		lines.add(m.promisedDays() == 0 ? t(locale, "assistant.answer.matter.days.same-day")
				: t(locale, "assistant.answer.matter.days", m.promisedDays()));
		String reason = m.channelReason() == null ? "" : m.channelReason().in(locale);
		lines.add(switch (m.channel()) {
			case ONLINE -> t(locale, "assistant.answer.matter.online");
			case HYBRID -> t(locale, "assistant.answer.matter.hybrid", reason);
			case OFFLINE -> t(locale, "assistant.answer.matter.offline", reason);
		});
		MatterFaqs.best(m.faq(), QuestionWords.searchable(question))
			.ifPresent(faq -> lines
				.add(t(locale, "assistant.answer.matter.faq", faq.question().in(locale), faq.answer().in(locale))));
		return new Answer(Answer.Kind.MATTER, String.join("\n", lines), List.of(suggestion), actions(m, locale));
	}

	/**
	 * Apply where the matter can be done online (ONLINE and HYBRID); book a hall visit
	 * where a trip is needed (HYBRID and OFFLINE): the same buttons as the matter's own
	 * page, less the booking for matters that need no trip.
	 */
	List<Action> actions(MatterDefinition m, Locale locale) {
		List<Action> actions = new ArrayList<>();
		String base = "/services/" + m.code();
		if (m.channel() != Channel.OFFLINE) {
			actions
				.add(new Action(Action.Type.APPLY, t(locale, "assistant.answer.action.apply"), base + "/apply", null));
		}
		if (m.channel() != Channel.ONLINE && !m.halls().isEmpty()) {
			actions.add(new Action(Action.Type.BOOK, t(locale, "assistant.answer.action.book"), base + "/book", null));
		}
		actions.add(new Action(Action.Type.READ_MORE, t(locale, "assistant.answer.action.read-more"), base, null));
		return actions;
	}

	List<MatterSuggestion> suggestions(List<Matter> matters, Locale locale) {
		Map<String, String> departmentNames = departments.names(locale);
		return matters.stream()
			.map(Matter::definition)
			.map(m -> new MatterSuggestion(m.code(), m.name().in(locale),
					departmentNames.getOrDefault(m.department(), ""), m.channel() != Channel.OFFLINE))
			.toList();
	}

	private List<String> documents(MatterDefinition m, Locale locale, Predicate<Provision> which) {
		return m.documents().stream().filter(d -> which.test(d.provision())).map(d -> document(d, locale)).toList();
	}

	private String document(RequiredDocument d, Locale locale) {
		return d.provision() == Provision.SHOWN_AT_COUNTER
				? t(locale, "assistant.answer.matter.original", d.name().in(locale)) : d.name().in(locale);
	}

	private List<String> hallNames(MatterDefinition m, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		return halls.all()
			.stream()
			.filter(h -> m.halls().contains(h.code()))
			.map((ServiceHall h) -> english ? h.nameEn() : h.nameZh())
			.toList();
	}

	private static String join(List<String> items, Locale locale) {
		return String.join("en".equals(locale.getLanguage()) ? ", " : "、", items);
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.get(locale, key, args);
	}

}
