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
import org.onestop.catalog.MatterQuery;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.EventHub;
import org.onestop.platform.Messages;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One conversation in the agent console: the whole transcript (the assistant's part too), the citizen and what they
 * have open, live two-way chat, canned answers from the catalog, and the actions taken on the citizen's behalf.
 * {@link AgentDesk} decides who may see what (404 otherwise).
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class AgentConversationController {

	private static final String BASE = "/staff/agent/conversations/";

	private final AgentDesk desk;
	private final ConversationStore store;
	private final Catalog catalog;
	private final CallbackSlots slots;
	private final Messages messages;
	private final EventHub hub;

	AgentConversationController(AgentDesk desk, ConversationStore store, Catalog catalog, CallbackSlots slots,
			Messages messages, EventHub hub) {
		this.desk = desk;
		this.store = store;
		this.catalog = catalog;
		this.slots = slots;
		this.messages = messages;
		this.hub = hub;
	}

	@GetMapping(BASE + "{id}")
	String conversation(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(required = false) String canned, Locale locale, Model model) {
		AgentDesk.AgentView view = desk.conversation(agent, id);
		String text = canned == null ? "" : canned(view, locale).stream().filter(c -> c.code().equals(canned))
			.map(AgentPages.Canned::text).findFirst().orElse("");
		return page(agent, view, text, "", "", Map.of(), locale, model);
	}

	@GetMapping(value = BASE + "{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id) {
		return hub.subscribe(desk.events(agent, id));
	}

	@GetMapping(BASE + "{id}/updates")
	String updates(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") long after, Model model) {
		return updates(agent, id, after, false, "", Map.of(), model);
	}

	@PostMapping(BASE + "{id}/messages")
	String reply(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "0") long after,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			desk.reply(agent, id, text);
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			if (htmx != null) {
				return updates(agent, id, after, true, text, shell.errors(refused), model);
			}
			return page(agent, desk.conversation(agent, id), text, "", "", shell.errors(refused), locale, model);
		}
		return htmx != null ? updates(agent, id, after, true, "", Map.of(), model) : "redirect:" + BASE + id + "#ask";
	}

	@PostMapping(BASE + "{id}/application")
	String offerApplication(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String serviceCode, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell) {
		return acted(agent, id, locale, model, shell, "", "", "serviceCode",
				() -> desk.offerApplication(agent, id, serviceCode));
	}

	@PostMapping(BASE + "{id}/booking")
	String offerBooking(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String serviceCode, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell) {
		// Both forms send serviceCode: the booking form's error goes under its own select.
		return acted(agent, id, locale, model, shell, "", "", "booking", () -> desk.offerBooking(agent, id, serviceCode));
	}

	@PostMapping(BASE + "{id}/callback")
	String scheduleCallback(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String slot, @RequestParam(defaultValue = "") String phone, Locale locale,
			Model model, @ModelAttribute("shell") Shell shell) {
		return acted(agent, id, locale, model, shell, slot, phone, "serviceCode",
				() -> desk.scheduleCallback(agent, id, slot, phone));
	}

	@PostMapping(BASE + "{id}/end")
	String end(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String outcome, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			desk.end(agent, id, outcome);
			return "redirect:/staff/agent?done=ended";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			return page(agent, desk.conversation(agent, id), "", "", "", shell.errors(refused), locale, model);
		}
	}

	private String acted(OneStopUser agent, UUID id, Locale locale, Model model, Shell shell, String slot, String phone,
			String codeField, Runnable action) {
		try {
			action.run();
			return "redirect:" + BASE + id + "#assistant-log";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(refused).forEach((field, error) -> errors.put("serviceCode".equals(field) ? codeField : field, error));
			return page(agent, desk.conversation(agent, id), "", slot, phone, errors, locale, model);
		}
	}

	private String updates(OneStopUser agent, UUID id, long after, boolean posted, String text,
			Map<String, String> errors, Model model) {
		// Only the new lines, after the same check as the page: the citizen's records were read (and audited) with it.
		List<AssistantPages.LineView> lines = AssistantPages.LineView.of(store.lines(desk.visible(agent, id).id(), after));
		long last = lines.isEmpty() ? after : lines.get(lines.size() - 1).id();
		model.addAttribute("page", new AgentPages.Updates(lines, last, posted, text, errors));
		return "assistant/agent-updates";
	}

	private String page(OneStopUser agent, AgentDesk.AgentView v, String text, String slot, String phone,
			Map<String, String> errors, Locale locale, Model model) {
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		AgentPages.CitizenView citizen = v.citizen() == null ? null
				: new AgentPages.CitizenView(v.citizen().name(),
						v.citizen().openApplications().stream()
							.map(a -> a.dueDate() == null
									? messages.get(locale, "assistant.page.agent.citizen.application", a.matter(),
											messages.get(locale, "application.page.status." + a.status()))
									: messages.get(locale, "assistant.page.agent.citizen.application.due", a.matter(),
											messages.get(locale, "application.page.status." + a.status()),
											day.format(a.dueDate())))
							.toList(),
						v.citizen().appointments().stream()
							.map(a -> messages.get(locale, "assistant.page.agent.citizen.appointment", a.matter(), a.hall(),
									a.bookingCode(), messages.get(locale, "appointment.page.status." + a.status())))
							.toList());
		List<AgentPages.Canned> discussed = v.matters().stream()
			.map(m -> canned(m.code(), locale))
			.filter(Objects::nonNull)
			.toList();
		model.addAttribute("page", new AgentPages.ConversationPage(v.id(), v.channel(), v.state().name(), v.topic(),
				v.startedAt(), v.queuedAt(), agent.username().equals(v.agent()), AssistantPages.LineView.of(v.messages()),
				discussed, canned(v, locale), citizen, slots.offered(locale), AgentConsoleController.outcomes(), text, slot,
				phone, errors));
		return "assistant/agent-conversation";
	}

	/** The matters discussed first, then every published matter: each one's summary, ready to send. */
	private List<AgentPages.Canned> canned(AgentDesk.AgentView v, Locale locale) {
		Map<String, AgentPages.Canned> all = new LinkedHashMap<>();
		v.matters().forEach(m -> all.computeIfAbsent(m.code(), code -> canned(code, locale)));
		catalog.search(new MatterQuery(null, null, null, null, 0, MatterQuery.MAX_SIZE)).items()
			.forEach(m -> all.computeIfAbsent(m.code(), code -> canned(code, locale)));
		all.values().removeIf(Objects::isNull);
		return new ArrayList<>(all.values());
	}

	private AgentPages.Canned canned(String code, Locale locale) {
		return catalog.matter(code)
			.map(m -> new AgentPages.Canned(code, m.definition().name().in(locale),
					messages.get(locale, "assistant.page.agent.canned.text", m.definition().name().in(locale),
							m.definition().description().in(locale), "/services/" + code),
					!m.definition().halls().isEmpty()))
			.orElse(null);
	}
}
