package org.onestop.complaint.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.complaint.ComplaintView;
import org.onestop.complaint.Dispatch;
import org.onestop.complaint.Dispatch.QueueItem;
import org.onestop.complaint.Handling;
import org.onestop.complaint.Handling.InboxItem;
import org.onestop.complaint.ReturnRequest;
import org.onestop.identity.OneStopUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff side of complaints: the dispatch centre (queue, dispatch, arbitration, merge,
 * the head's decisions), the departments (inbox, accept, return, contact, wait, reply,
 * co-handling answers) and the agents' follow-up calls. Staff only at the URL; the
 * facades check role and department.
 */
@RestController
@PreAuthorize("hasRole('STAFF')")
class ComplaintStaffApiController {

	private final Dispatch dispatch;

	private final Handling handling;

	ComplaintStaffApiController(Dispatch dispatch, Handling handling) {
		this.dispatch = dispatch;
		this.handling = handling;
	}

	record DispatchRequest(String leadDepartment, List<String> coHandlers) {
	}

	record ReturnDecision(Boolean accept, String reason) {
	}

	record HeadDecision(Boolean reopen, String reason) {
	}

	record MergeRequest(UUID into) {
	}

	record Reason(String reason) {
	}

	record Note(String note) {
	}

	record ReplyRequest(String text, List<UUID> documentIds) {
	}

	record FollowUpRequest(Boolean reached, Boolean solved, Integer rating, String comment) {
	}

	@GetMapping("/api/v1/dispatch/queue")
	List<QueueItem> queue(@AuthenticationPrincipal OneStopUser staff, Locale locale) {
		return dispatch.queue(staff, locale);
	}

	@GetMapping("/api/v1/dispatch/returns")
	List<ReturnRequest> returns(@AuthenticationPrincipal OneStopUser staff) {
		return dispatch.pendingReturns(staff);
	}

	@PostMapping("/api/v1/complaints/{id}/dispatch")
	ComplaintView dispatch(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody DispatchRequest request, Locale locale) {
		return dispatch.dispatch(staff, id, request.leadDepartment(), request.coHandlers(), locale);
	}

	@PostMapping("/api/v1/complaints/{id}/returns/{returnId}/decision")
	ComplaintView decide(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id, @PathVariable UUID returnId,
			@RequestBody ReturnDecision request, Locale locale) {
		return dispatch.decideReturn(staff, id, returnId, request.accept(), request.reason(), locale);
	}

	@PostMapping("/api/v1/complaints/{id}/merge")
	ComplaintView merge(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody MergeRequest request, Locale locale) {
		return dispatch.merge(staff, id, request.into(), locale);
	}

	@PostMapping("/api/v1/complaints/{id}/head-decision")
	ComplaintView headDecision(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody HeadDecision request, Locale locale) {
		return dispatch.headDecision(staff, id, request.reopen(), request.reason(), locale);
	}

	@GetMapping("/api/v1/complaints/inbox")
	List<InboxItem> inbox(@AuthenticationPrincipal OneStopUser staff, Locale locale) {
		return handling.inbox(staff, locale);
	}

	@PostMapping("/api/v1/complaints/{id}/accept")
	ComplaintView accept(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id, Locale locale) {
		return handling.accept(staff, id, locale);
	}

	@PostMapping("/api/v1/complaints/{id}/return")
	ResponseEntity<Map<String, UUID>> returnDispatch(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody Reason request) {
		ReturnRequest returned = handling.returnDispatch(staff, id, request.reason());
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + id + "/returns/" + returned.id()))
			.body(Map.of("id", returned.id()));
	}

	@PostMapping("/api/v1/complaints/{id}/contact")
	ComplaintView contact(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody(required = false) Note request, Locale locale) {
		return handling.contact(staff, id, request == null ? null : request.note(), locale);
	}

	@PostMapping("/api/v1/complaints/{id}/wait")
	ComplaintView waitFor(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody Reason request, Locale locale) {
		return handling.waitFor(staff, id, request.reason(), locale);
	}

	@PostMapping("/api/v1/complaints/{id}/resume")
	ComplaintView resume(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id, Locale locale) {
		return handling.resume(staff, id, locale);
	}

	@PostMapping("/api/v1/complaints/{id}/reply")
	ComplaintView reply(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody ReplyRequest request, Locale locale) {
		return handling.reply(staff, id, request.text(), request.documentIds(), locale);
	}

	@PostMapping("/api/v1/complaints/{id}/co-handling/answer")
	ComplaintView answer(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody ReplyRequest request, Locale locale) {
		return handling.answerCoHandling(staff, id, request.text(), locale);
	}

	@GetMapping("/api/v1/complaints/follow-ups")
	List<ComplaintView> followUps(@AuthenticationPrincipal OneStopUser staff, Locale locale) {
		return handling.followUps(staff, locale);
	}

	@PostMapping("/api/v1/complaints/{id}/follow-up")
	ComplaintView followUp(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody FollowUpRequest request, Locale locale) {
		return handling.recordFollowUp(staff, id, request.reached(), request.solved(), request.rating(),
				request.comment(), locale);
	}

}
