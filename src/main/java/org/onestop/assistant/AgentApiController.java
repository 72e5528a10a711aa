package org.onestop.assistant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onestop.complaint.Filed;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.EventHub;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agent's desk over the API: duty, queue, conversations, callbacks, phone calls
 * (agents only), and the assistant's figures (department heads and administrators too).
 */
@RestController
@PreAuthorize("hasRole('AGENT')")
class AgentApiController {

	private final AgentDesk desk;

	private final AssistantMetrics metrics;

	private final EventHub hub;

	AgentApiController(AgentDesk desk, AssistantMetrics metrics, EventHub hub) {
		this.desk = desk;
		this.metrics = metrics;
		this.hub = hub;
	}

	record Availability(Boolean onDuty) {
	}

	record MessageRequest(String text) {
	}

	/**
	 * {@code complaintId}: the complaint filed here, with the outcome COMPLAINT_FILED.
	 */
	record EndRequest(String outcome, String complaintId) {
	}

	record ApplicationRequest(String serviceCode) {
	}

	record CallbackRequest(String slot, String phone) {
	}

	@PostMapping("/api/v1/agent/availability")
	Availability availability(@AuthenticationPrincipal OneStopUser agent, @RequestBody Availability availability) {
		desk.availability(agent, availability.onDuty());
		return availability;
	}

	@GetMapping("/api/v1/agent/queue")
	List<AgentDesk.QueueEntry> queue(@AuthenticationPrincipal OneStopUser agent) {
		return desk.queue(agent);
	}

	@GetMapping("/api/v1/agent/events")
	SseEmitter queueEvents(@AuthenticationPrincipal OneStopUser agent) {
		return hub.subscribe(desk.queueEvents(agent));
	}

	@PostMapping("/api/v1/agent/conversations/{id}/accept")
	AgentDesk.AgentView accept(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id) {
		return desk.accept(agent, id);
	}

	@GetMapping("/api/v1/agent/conversations/{id}")
	AgentDesk.AgentView conversation(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id) {
		return desk.conversation(agent, id);
	}

	@GetMapping("/api/v1/agent/conversations/{id}/events")
	SseEmitter events(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id) {
		return hub.subscribe(desk.events(agent, id));
	}

	@PostMapping("/api/v1/agent/conversations/{id}/messages")
	ConversationStore.Line reply(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestBody MessageRequest message) {
		return desk.reply(agent, id, message.text());
	}

	@PostMapping("/api/v1/agent/conversations/{id}/application")
	ConversationStore.Line offerApplication(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestBody ApplicationRequest request) {
		return desk.offerApplication(agent, id, request.serviceCode());
	}

	@PostMapping("/api/v1/agent/conversations/{id}/booking")
	ConversationStore.Line offerBooking(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestBody ApplicationRequest request) {
		return desk.offerBooking(agent, id, request.serviceCode());
	}

	@PostMapping("/api/v1/agent/conversations/{id}/callback")
	ResponseEntity<Callbacks.CallbackTask> scheduleCallback(@AuthenticationPrincipal OneStopUser agent,
			@PathVariable UUID id, @RequestBody CallbackRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(desk.scheduleCallback(agent, id, request.slot(), request.phone()));
	}

	@PostMapping("/api/v1/agent/conversations/{id}/end")
	AgentDesk.AgentView end(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestBody EndRequest request) {
		return desk.end(agent, id, request.outcome(), request.complaintId());
	}

	/**
	 * Files a complaint for the citizen of the chat (channel CHAT, the transcript
	 * attached): {@code {"categoryCode","description"?,"address"?,"contactPhone"?}}.
	 */
	@PostMapping("/api/v1/agent/conversations/{id}/complaint")
	ResponseEntity<Filed> fileComplaint(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestBody AgentDesk.ComplaintForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(desk.fileComplaint(agent, id, form));
	}

	/**
	 * Files a complaint during a phone call (channel PHONE):
	 * {@code {"categoryCode","description","contactPhone"?,"citizen"?,"address"?}}; the
	 * call is then logged with the outcome COMPLAINT_FILED and its {@code complaintId}.
	 */
	@PostMapping("/api/v1/agent/calls/complaint")
	ResponseEntity<Filed> fileCallComplaint(@AuthenticationPrincipal OneStopUser agent,
			@RequestBody AgentDesk.ComplaintForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(desk.fileCallComplaint(agent, form));
	}

	@PostMapping("/api/v1/agent/calls")
	ResponseEntity<AgentDesk.AgentView> logCall(@AuthenticationPrincipal OneStopUser agent,
			@RequestBody AgentDesk.CallLog call) {
		return ResponseEntity.status(HttpStatus.CREATED).body(desk.logCall(agent, call));
	}

	@GetMapping("/api/v1/agent/callbacks")
	List<Callbacks.CallbackTask> callbacks(@AuthenticationPrincipal OneStopUser agent) {
		return desk.callbacks(agent);
	}

	@PostMapping("/api/v1/agent/callbacks/{id}/done")
	Callbacks.CallbackTask callbackDone(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id,
			@RequestBody EndRequest request) {
		return desk.callbackDone(agent, id, request.outcome(), request.complaintId());
	}

	@GetMapping("/api/v1/agent/metrics")
	@PreAuthorize("hasAnyRole('AGENT', 'DEPARTMENT_HEAD', 'ADMIN')")
	AssistantMetrics.Figures metrics(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return metrics.figures(from, to);
	}

}
