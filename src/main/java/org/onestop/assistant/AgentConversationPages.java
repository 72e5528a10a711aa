package org.onestop.assistant;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterQuery;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.Messages;
import org.springframework.stereotype.Component;

/**
 * Builds what the agent's conversation page shows from {@link AgentDesk}'s view: the
 * citizen's open records in the page's language, and the canned answers (the matters
 * discussed first, then every published matter), read from the catalog's cache of
 * published matters in one search rather than one database read per matter.
 */
@Component
class AgentConversationPages {

	private final AgentDesk desk;

	private final ConversationStore store;

	private final Catalog catalog;

	private final CallbackSlots slots;

	private final Messages messages;

	private final AssistantComplaints complaints;

	AgentConversationPages(AgentDesk desk, ConversationStore store, Catalog catalog, CallbackSlots slots,
			Messages messages, AssistantComplaints complaints) {
		this.complaints = complaints;
		this.desk = desk;
		this.store = store;
		this.catalog = catalog;
		this.slots = slots;
		this.messages = messages;
	}

	/**
	 * The form's values and what was wrong with them, when a post is shown again;
	 * {@code complaint} is what the agent is filing, {@code complaintId} the complaint
	 * the outcome points at.
	 */
	record Form(String text, String slot, String phone, AgentPages.ComplaintFields complaint, String complaintId,
			Map<String, String> errors) {

		Form(String text, String slot, String phone, Map<String, String> errors) {
			this(text, slot, phone, AgentPages.ComplaintFields.EMPTY, "", errors);
		}
	}

	/**
	 * The page of a conversation the agent may see (404 otherwise), showing a refused
	 * form again.
	 */
	AgentPages.ConversationPage page(OneStopUser agent, UUID id, Form form, Locale locale) {
		AgentDesk.AgentView v = desk.conversation(agent, id);
		return page(agent, v, canned(v, locale), form, locale);
	}

	/**
	 * The page with a canned answer's text in the reply box ({@code ?canned=} a matter's
	 * code; else empty).
	 */
	AgentPages.ConversationPage page(OneStopUser agent, UUID id, String cannedCode, String complaintId, Locale locale) {
		AgentDesk.AgentView v = desk.conversation(agent, id);
		List<AgentPages.Canned> canned = canned(v, locale);
		String text = cannedCode == null ? ""
				: canned.stream()
					.filter(c -> c.code().equals(cannedCode))
					.map(AgentPages.Canned::text)
					.findFirst()
					.orElse("");
		return page(agent, v, canned, new Form(text, "", "", AgentPages.ComplaintFields.EMPTY,
				complaintId == null ? "" : complaintId, Map.of()), locale);
	}

	private AgentPages.ConversationPage page(OneStopUser agent, AgentDesk.AgentView v, List<AgentPages.Canned> canned,
			Form form, Locale locale) {
		List<AgentPages.Canned> discussed = canned.stream()
			.filter(c -> v.matters().stream().anyMatch(m -> m.code().equals(c.code())))
			.toList();
		return new AgentPages.ConversationPage(v.id(), v.channel(), v.state().name(), v.topic(), v.startedAt(),
				v.queuedAt(), agent.username().equals(v.agent()), AssistantPages.LineView.of(v.messages()), discussed,
				canned, citizen(v.citizen(), locale), slots.offered(locale), AgentDesk.Outcome.names(), form.text(),
				form.slot(), form.phone(), choices(locale), form.complaint(), form.complaintId(), v.complaintId(),
				form.errors());
	}

	private List<AssistantPages.Choice> choices(Locale locale) {
		return complaints.choices(locale).stream().map(c -> new AssistantPages.Choice(c.code(), c.name())).toList();
	}

	/** Only the lines after {@code after}, after the same check as the page. */
	AgentPages.Updates updates(OneStopUser agent, UUID id, long after, boolean posted, String text,
			Map<String, String> errors) {
		List<AssistantPages.LineView> lines = AssistantPages.LineView
			.of(store.lines(desk.visible(agent, id).id(), after));
		long last = lines.isEmpty() ? after : lines.get(lines.size() - 1).id();
		return new AgentPages.Updates(lines, last, posted, text, errors);
	}

	private AgentPages.CitizenView citizen(AgentDesk.CitizenCard card, Locale locale) {
		if (card == null) {
			return null;
		}
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		return new AgentPages.CitizenView(card.name(),
				card.openApplications()
					.stream()
					.map(a -> a.dueDate() == null
							? messages.get(locale, "assistant.page.agent.citizen.application", a.matter(), a.status())
							: messages.get(locale, "assistant.page.agent.citizen.application.due", a.matter(),
									a.status(), day.format(a.dueDate())))
					.toList(),
				card.appointments()
					.stream()
					.map(a -> messages.get(locale, "assistant.page.agent.citizen.appointment", a.matter(), a.hall(),
							a.bookingCode(), a.status()))
					.toList());
	}

	/**
	 * The matters discussed first, then every published matter: each one's summary, ready
	 * to send.
	 */
	private List<AgentPages.Canned> canned(AgentDesk.AgentView v, Locale locale) {
		Map<String, Matter> published = new LinkedHashMap<>();
		catalog.search(new MatterQuery(null, null, null, null, 0, MatterQuery.MAX_SIZE))
			.items()
			.forEach(m -> published.putIfAbsent(m.code(), m));
		Map<String, AgentPages.Canned> all = new LinkedHashMap<>();
		v.matters().forEach(m -> all.computeIfAbsent(m.code(), code -> canned(published.get(code), locale)));
		published.values().forEach(m -> all.computeIfAbsent(m.code(), code -> canned(m, locale)));
		all.values().removeIf(Objects::isNull);
		return new ArrayList<>(all.values());
	}

	private AgentPages.Canned canned(Matter m, Locale locale) {
		if (m == null) {
			return null;
		}
		String name = m.definition().name().in(locale);
		return new AgentPages.Canned(
				m.code(), name, messages.get(locale, "assistant.page.agent.canned.text", name,
						m.definition().description().in(locale), "/services/" + m.code()),
				!m.definition().halls().isEmpty());
	}

}
