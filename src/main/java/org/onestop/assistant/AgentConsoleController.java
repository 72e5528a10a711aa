package org.onestop.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.platform.NotFoundException;
import org.onestop.platform.ConflictException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent console: on and off duty, the pool's waiting line (live), accepting the next
 * conversation or a given one, callbacks to make, and logging a phone call. Every action
 * goes through {@link AgentDesk}.
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class AgentConsoleController {

	private final AgentDesk desk;

	private final AgentConsoleQueries queries;

	private final CallbackSlots slots;

	private final EventHub hub;

	private final AssistantComplaints complaints;

	AgentConsoleController(AgentDesk desk, AgentConsoleQueries queries, CallbackSlots slots, EventHub hub,
			AssistantComplaints complaints) {
		this.complaints = complaints;
		this.desk = desk;
		this.queries = queries;
		this.slots = slots;
		this.hub = hub;
	}

	@GetMapping("/staff/agent")
	String console(@AuthenticationPrincipal OneStopUser agent, @RequestParam(required = false) String done,
			Locale locale, Model model) {
		model.addAttribute("page", AgentPages.ConsolePage.of(queries.onDuty(agent.username()), desk.queue(agent),
				queries.serving(agent.username()), desk.callbacks(agent), done, choices(locale)));
		return "assistant/agent-console";
	}

	/**
	 * Live updates of the pool's waiting line (server-sent events named {@code queue}).
	 */
	@GetMapping(value = "/staff/agent/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter queueEvents(@AuthenticationPrincipal OneStopUser agent) {
		return hub.subscribe(desk.queueEvents(agent));
	}

	@PostMapping("/staff/agent/availability")
	String availability(@AuthenticationPrincipal OneStopUser agent, @RequestParam(required = false) Boolean onDuty) {
		desk.availability(agent, onDuty);
		return "redirect:/staff/agent?done=" + (Boolean.TRUE.equals(onDuty) ? "on-duty" : "off-duty");
	}

	@PostMapping("/staff/agent/accept-next")
	String acceptNext(@AuthenticationPrincipal OneStopUser agent) {
		for (AgentDesk.QueueEntry next : desk.queue(agent)) {
			try {
				return "redirect:/staff/agent/conversations/" + desk.accept(agent, next.id()).id();
			}
			catch (ConflictException | NotFoundException taken) {
				// Another agent took it first: try the next one.
			}
		}
		return "redirect:/staff/agent?done=nobody";
	}

	@PostMapping("/staff/agent/conversations/{id}/accept")
	String accept(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id) {
		try {
			return "redirect:/staff/agent/conversations/" + desk.accept(agent, id).id();
		}
		catch (ConflictException | NotFoundException taken) {
			return "redirect:/staff/agent?done=taken";
		}
	}

	@PostMapping("/staff/agent/callbacks/{id}/done")
	String callbackDone(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String complaintId) {
		try {
			desk.callbackDone(agent, id, outcome, complaintId);
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			// The only field a callback's form can get wrong is the complaint the outcome
			// COMPLAINT_FILED points at.
			return "redirect:/staff/agent?done=callback-refused";
		}
		return "redirect:/staff/agent?done=callback-done";
	}

	/**
	 * The call form; {@code ?complaint=} the complaint just filed during the call, which
	 * the outcome COMPLAINT_FILED then points at (its tracking code is flashed, to read
	 * out to the caller).
	 */
	@GetMapping("/staff/agent/calls")
	String callForm(@AuthenticationPrincipal OneStopUser agent, @RequestParam(required = false) String complaint,
			Locale locale, Model model) {
		AgentDesk.pool(agent);
		boolean filed = complaint != null && !complaint.isBlank();
		Object code = model.getAttribute(FILED);
		Object citizen = model.getAttribute(CITIZEN);
		model.addAttribute("page",
				new AgentPages.CallPage(citizen instanceof String c ? c : "", "", "",
						filed ? AgentDesk.Outcome.COMPLAINT_FILED.name() : "", "", "", "", filed ? complaint : "",
						AgentDesk.Outcome.names(), slots.offered(locale), choices(locale),
						AgentPages.ComplaintFields.EMPTY, code instanceof String c ? c : null, Map.of()));
		return "assistant/agent-call";
	}

	/** Flash attributes after a complaint filed during a call. */
	private static final String FILED = "filed";

	private static final String CITIZEN = "citizen";

	/**
	 * Files a complaint during a phone call (channel PHONE); the call is logged
	 * afterwards, pointing at it.
	 */
	@PostMapping("/staff/agent/calls/complaint")
	String fileCallComplaint(@AuthenticationPrincipal OneStopUser agent,
			@RequestParam(defaultValue = "") String categoryCode, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String contactPhone, @RequestParam(defaultValue = "") String citizen,
			Locale locale, Model model, RedirectAttributes flash, @ModelAttribute("shell") Shell shell) {
		AgentPages.ComplaintFields fields = new AgentPages.ComplaintFields(categoryCode, description, contactPhone,
				citizen);
		try {
			Filed filed = desk.fileCallComplaint(agent,
					new AgentDesk.ComplaintForm(categoryCode, description, null, contactPhone, citizen));
			flash.addFlashAttribute(FILED, filed.trackingCode());
			flash.addFlashAttribute(CITIZEN, citizen.strip());
			return "redirect:/staff/agent/calls?complaint=" + filed.id() + "#call-form";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			// The complaint form's fields carry their own names on this page: the call
			// form has a citizen field too.
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(refused).forEach((field, error) -> errors.put("complaint-" + field, error));
			model.addAttribute("page", new AgentPages.CallPage("", "", "", "", "", "", "", "",
					AgentDesk.Outcome.names(), slots.offered(locale), choices(locale), fields, null, errors));
			return "assistant/agent-call";
		}
	}

	private List<AssistantPages.Choice> choices(Locale locale) {
		return complaints.choices(locale).stream().map(c -> new AssistantPages.Choice(c.code(), c.name())).toList();
	}

	@PostMapping("/staff/agent/calls")
	String logCall(@AuthenticationPrincipal OneStopUser agent, @RequestParam(defaultValue = "") String citizen,
			@RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String notes,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String minutes,
			@RequestParam(defaultValue = "") String slot, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String complaintId, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell) {
		Integer seconds = minutes.isBlank() || !minutes.strip().matches("\\d{1,4}") ? null
				: Integer.parseInt(minutes.strip()) * 60;
		try {
			desk.logCall(agent,
					new AgentDesk.CallLog(citizen, topic, notes, outcome, seconds, slot, phone, complaintId));
			return "redirect:/staff/agent?done=call-logged";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			// The facade names the notes "text" (as every message); the form's field is
			// "notes".
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(refused).forEach((field, error) -> errors.put("text".equals(field) ? "notes" : field, error));
			model.addAttribute("page",
					new AgentPages.CallPage(citizen, topic, notes, outcome, minutes, slot, phone, complaintId,
							AgentDesk.Outcome.names(), slots.offered(locale), choices(locale),
							AgentPages.ComplaintFields.EMPTY, null, errors));
			return "assistant/agent-call";
		}
	}

}
