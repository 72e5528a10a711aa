package org.onestop.assistant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.complaint.Filed;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.EventHub;
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
 * One conversation in the agent console: the whole transcript (the assistant's part too),
 * the citizen and what they have open, live two-way chat, canned answers from the
 * catalog, and the actions taken on the citizen's behalf. {@link AgentDesk} decides who
 * may see what (404 otherwise).
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class AgentConversationController {

	private static final String BASE = "/staff/agent/conversations/";

	private final AgentDesk desk;

	private final AgentConversationPages pages;

	private final EventHub hub;

	AgentConversationController(AgentDesk desk, AgentConversationPages pages, EventHub hub) {
		this.desk = desk;
		this.pages = pages;
		this.hub = hub;
	}

	@GetMapping(BASE + "{id}")
	String conversation(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(required = false) String canned, @RequestParam(required = false) String complaint,
			Locale locale, Model model) {
		model.addAttribute("page", pages.page(agent, id, canned, complaint, locale));
		return "assistant/agent-conversation";
	}

	@GetMapping(value = BASE + "{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id) {
		return hub.subscribe(desk.events(agent, id));
	}

	@GetMapping(BASE + "{id}/updates")
	String updates(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") long after, Model model) {
		model.addAttribute("page", pages.updates(agent, id, after, false, "", Map.of()));
		return "assistant/agent-updates";
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
				model.addAttribute("page", pages.updates(agent, id, after, true, text, shell.errors(refused)));
				return "assistant/agent-updates";
			}
			return page(agent, id, new AgentConversationPages.Form(text, "", "", shell.errors(refused)), locale, model);
		}
		if (htmx == null) {
			return "redirect:" + BASE + id + "#ask";
		}
		model.addAttribute("page", pages.updates(agent, id, after, true, "", Map.of()));
		return "assistant/agent-updates";
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
		// Both forms send serviceCode: the booking form's error goes under its own
		// select.
		return acted(agent, id, locale, model, shell, "", "", "booking",
				() -> desk.offerBooking(agent, id, serviceCode));
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
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String complaintId,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell) {
		try {
			desk.end(agent, id, outcome, complaintId);
			return "redirect:/staff/agent?done=ended";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			return page(agent, id, new AgentConversationPages.Form("", "", "", AgentPages.ComplaintFields.EMPTY,
					complaintId, shell.errors(refused)), locale, model);
		}
	}

	/**
	 * Files a complaint for the citizen; then the end form points at it (the outcome
	 * COMPLAINT_FILED needs its id).
	 */
	@PostMapping(BASE + "{id}/complaint")
	String fileComplaint(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String categoryCode, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String contactPhone, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			Filed filed = desk.fileComplaint(agent, id,
					new AgentDesk.ComplaintForm(categoryCode, description, null, contactPhone, null));
			return "redirect:" + BASE + id + "?complaint=" + filed.id() + "#outcome";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			// The complaint form's fields carry their own names on this page.
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(refused).forEach((field, error) -> errors.put("complaint-" + field, error));
			return page(agent, id,
					new AgentConversationPages.Form("", "", "",
							new AgentPages.ComplaintFields(categoryCode, description, contactPhone, ""), "", errors),
					locale, model);
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
			shell.errors(refused)
				.forEach((field, error) -> errors.put("serviceCode".equals(field) ? codeField : field, error));
			return page(agent, id, new AgentConversationPages.Form("", slot, phone, errors), locale, model);
		}
	}

	private String page(OneStopUser agent, UUID id, AgentConversationPages.Form form, Locale locale, Model model) {
		model.addAttribute("page", pages.page(agent, id, form, locale));
		return "assistant/agent-conversation";
	}

}
