package org.onestop.application.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onestop.application.CaseFiles;
import org.onestop.application.CaseView;
import org.onestop.application.Cases;
import org.onestop.application.Casework;
import org.onestop.application.TaskOutcome;
import org.onestop.identity.OneStopUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff task inbox, page by page: only tasks the caller's department and roles may
 * work on.
 */
@RestController
@RequestMapping("/api/v1/staff")
@PreAuthorize("hasRole('STAFF')")
class StaffTaskApiController {

	private final Casework casework;

	private final Cases cases;

	private final CaseFiles caseFiles;

	StaffTaskApiController(Casework casework, Cases cases, CaseFiles caseFiles) {
		this.casework = casework;
		this.cases = cases;
		this.caseFiles = caseFiles;
	}

	record TaskItem(String id, UUID applicationId, String reference, String serviceCode, String name, String step,
			String assignee, LocalDate dueDate, String sla, boolean escalated) {
	}

	record Trip(String hall, String purpose) {
	}

	/**
	 * One page of the inbox: {@code total} tasks in all, on {@code pages} pages of
	 * {@code size}; {@code page} from 0.
	 */
	record TaskList(List<TaskItem> tasks, int page, int size, long total, long pages) {
	}

	@GetMapping("/tasks")
	TaskList tasks(@AuthenticationPrincipal OneStopUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Casework.DEFAULT_PAGE_SIZE) int size) {
		Casework.Inbox inbox = casework.inbox(user, page, size);
		return new TaskList(inbox.tasks()
			.stream()
			.map(t -> new TaskItem(t.id(), t.applicationId(), t.reference(), t.serviceCode(), t.name(), t.step(),
					t.assignee(), t.dueDate(), t.sla(), t.escalated()))
			.toList(), inbox.page(), inbox.size(), inbox.total(), inbox.pages());
	}

	@PostMapping("/tasks/{id}/claim")
	void claim(@AuthenticationPrincipal OneStopUser user, @PathVariable String id) {
		casework.claim(user, id);
	}

	/** The holder gives a task back (or a supervisor, for an escalated task). */
	@PostMapping("/tasks/{id}/release")
	void release(@AuthenticationPrincipal OneStopUser user, @PathVariable String id) {
		casework.release(user, id);
	}

	@PostMapping("/tasks/{id}/complete")
	CaseView complete(@AuthenticationPrincipal OneStopUser user, @PathVariable String id,
			@RequestBody TaskOutcome outcome) {
		return cases.view(casework.complete(user, id, outcome));
	}

	@GetMapping("/applications/{id}")
	CaseFiles.CaseFile caseFile(@AuthenticationPrincipal OneStopUser user, @PathVariable UUID id) {
		return caseFiles.of(user, id);
	}

	@PostMapping("/applications/{id}/trips")
	CaseView trip(@AuthenticationPrincipal OneStopUser user, @PathVariable UUID id, @RequestBody Trip trip) {
		return cases.recordTrip(user, id, trip.hall(), trip.purpose());
	}

}
