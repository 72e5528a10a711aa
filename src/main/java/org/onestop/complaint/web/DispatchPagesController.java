package org.onestop.complaint.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.complaint.ComplaintStatus;
import org.onestop.complaint.ComplaintView;
import org.onestop.complaint.Dispatch;
import org.onestop.complaint.Dispatch.QueueItem;
import org.onestop.complaint.ReturnRequest;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dispatch console: the live queue with the suggested lead department and nearby
 * duplicates, the returns to arbitrate and what waits for the head; one complaint with
 * the forms to dispatch, merge, arbitrate and decide. Every refusal is shown beside its
 * field with what was typed kept; the facade decides who may.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class DispatchPagesController {

	/** The dispatch centre: it never leads a complaint itself. */
	private static final String DISPATCH_CENTRE = "DC";

	private static final Set<String> DONE = Set.of("dispatched", "merged", "return-accepted", "return-rejected",
			"head-reopened", "head-closed");

	private final Dispatch dispatch;

	private final Departments departments;

	private final Clock clock;

	DispatchPagesController(Dispatch dispatch, Departments departments, Clock clock) {
		this.dispatch = dispatch;
		this.departments = departments;
		this.clock = clock;
	}

	@GetMapping("/staff/dispatch")
	String queue(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String done, Model model,
			Locale locale, @ModelAttribute("shell") Shell shell) {
		model.addAttribute("page", queuePage(staff, done, locale, shell));
		return "complaint/dispatch-queue";
	}

	/** The live part of the console alone, which the page fetches every 15 seconds. */
	@GetMapping("/staff/dispatch/live")
	String live(@AuthenticationPrincipal OneStopUser staff, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		model.addAttribute("page", queuePage(staff, null, locale, shell));
		return "complaint/dispatch-live";
	}

	@GetMapping("/staff/dispatch/{id}")
	String item(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(required = false) String done, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		model.addAttribute("page",
				itemPage(staff, id, null, null, Map.of(), Map.of(), banner(done, shell), locale, shell));
		return "complaint/dispatch-item";
	}

	@PostMapping("/staff/dispatch/{id}")
	String dispatch(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String leadDepartment,
			@RequestParam(required = false) List<String> coHandlers, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		List<String> co = coHandlers == null ? List.of() : coHandlers;
		try {
			dispatch.dispatch(staff, id, leadDepartment.isBlank() ? null : leadDepartment, co, locale);
			return "redirect:/staff/dispatch?done=dispatched";
		}
		catch (ProblemException ex) {
			Map<String, String> errors = refused(ex, shell, "leadDepartment", Map.of());
			model.addAttribute("page", itemPage(staff, id, leadDepartment, new LinkedHashSet<>(co), errors, Map.of(),
					null, locale, shell));
			return "complaint/dispatch-item";
		}
	}

	@PostMapping("/staff/dispatch/{id}/merge")
	String merge(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String into, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		try {
			dispatch.merge(staff, id, uuid(into), locale);
			return "redirect:/staff/dispatch?done=merged";
		}
		catch (ProblemException ex) {
			Map<String, String> errors = refused(ex, shell, "into", Map.of());
			model.addAttribute("page",
					itemPage(staff, id, null, null, errors, Map.of("into", into), null, locale, shell));
			return "complaint/dispatch-item";
		}
	}

	@PostMapping("/staff/dispatch/{id}/returns/{returnId}")
	String decideReturn(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id, @PathVariable UUID returnId,
			@RequestParam(required = false) Boolean accept, @RequestParam(defaultValue = "") String reason, Model model,
			Locale locale, @ModelAttribute("shell") Shell shell) {
		try {
			dispatch.decideReturn(staff, id, returnId, accept, reason, locale);
			return "redirect:/staff/dispatch?done=" + (accept ? "return-accepted" : "return-rejected");
		}
		catch (ProblemException ex) {
			Map<String, String> errors = refused(ex, shell, "decision-accept",
					Map.of("accept", "decision-accept", "reason", "decision-reason"));
			Map<String, String> values = Map.of("decision-accept", accept == null ? "" : accept.toString(),
					"decision-reason", reason);
			model.addAttribute("page", itemPage(staff, id, null, null, errors, values, null, locale, shell));
			return "complaint/dispatch-item";
		}
	}

	@PostMapping("/staff/dispatch/{id}/head-decision")
	String headDecision(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(required = false) Boolean reopen, @RequestParam(defaultValue = "") String reason, Model model,
			Locale locale, @ModelAttribute("shell") Shell shell) {
		try {
			dispatch.headDecision(staff, id, reopen, reason, locale);
			return "redirect:/staff/dispatch?done=" + (reopen ? "head-reopened" : "head-closed");
		}
		catch (ProblemException ex) {
			Map<String, String> errors = refused(ex, shell, "head-reopen",
					Map.of("reopen", "head-reopen", "reason", "head-reason"));
			Map<String, String> values = Map.of("head-reopen", reopen == null ? "" : reopen.toString(), "head-reason",
					reason);
			model.addAttribute("page", itemPage(staff, id, null, null, errors, values, null, locale, shell));
			return "complaint/dispatch-item";
		}
	}

	private DispatchPages.QueuePage queuePage(OneStopUser staff, String done, Locale locale, Shell shell) {
		Instant now = clock.instant();
		Map<String, String> names = departments.names(locale);
		List<DispatchPages.QueueRow> rows = dispatch.queue(staff, locale)
			.stream()
			.map(item -> row(item, names, now, shell))
			.toList();
		List<DispatchPages.ReturnRow> returns = dispatch.pendingReturns(staff)
			.stream()
			.map(r -> returnRow(r, names, now, shell))
			.toList();
		boolean head = head(staff);
		List<ComplaintView> awaitingHead = head ? dispatch.awaitingHead(staff, locale) : List.of();
		return new DispatchPages.QueuePage(rows, returns, awaitingHead, head, banner(done, shell), now);
	}

	private DispatchPages.ItemPage itemPage(OneStopUser staff, UUID id, String lead, Set<String> co,
			Map<String, String> errors, Map<String, String> values, String banner, Locale locale, Shell shell) {
		Instant now = clock.instant();
		Map<String, String> names = departments.names(locale);
		DispatchPages.QueueRow row = row(dispatch.item(staff, id, locale), names, now, shell);
		ComplaintView c = row.complaint();
		boolean waiting = c.status() == ComplaintStatus.NEW && c.mergedInto() == null;
		ReturnRequest pending = c.staff() == null ? null
				: c.staff().returns().stream().filter(ReturnRequest::pending).findFirst().orElse(null);
		Map<String, String> choices = new LinkedHashMap<>(names);
		choices.remove(DISPATCH_CENTRE);
		String selected = lead != null ? lead : row.lead() == null ? "" : row.lead().department();
		return new DispatchPages.ItemPage(row, waiting, waiting && (!row.escalated() || head(staff)),
				pending == null ? null : returnRow(pending, names, now, shell),
				head(staff) && c.status() == ComplaintStatus.HEAD_DECISION, choices, selected,
				co == null ? Set.of() : co, errors, values, banner);
	}

	private static DispatchPages.QueueRow row(QueueItem item, Map<String, String> names, Instant now, Shell shell) {
		ComplaintView c = item.complaint();
		List<DispatchPages.Suggested> suggestions = item.suggestions()
			.stream()
			.map(s -> new DispatchPages.Suggested(s.department(), names.getOrDefault(s.department(), s.department()),
					StaffComplaintPages.confidence(s.confidence(), s.certain(), shell)))
			.toList();
		return new DispatchPages.QueueRow(c, StaffComplaintPages.duration(c.receivedAt(), now, shell),
				StaffComplaintPages.shorten(c.description()), suggestions, item.duplicates(), item.escalated());
	}

	private static DispatchPages.ReturnRow returnRow(ReturnRequest r, Map<String, String> names, Instant now,
			Shell shell) {
		return new DispatchPages.ReturnRow(r, names.getOrDefault(r.department(), r.department()),
				StaffComplaintPages.duration(r.requestedAt(), now, shell));
	}

	private static boolean head(OneStopUser staff) {
		return staff.has(Role.DEPARTMENT_HEAD) && DISPATCH_CENTRE.equals(staff.departmentCode());
	}

	private static String banner(String done, Shell shell) {
		return done != null && DONE.contains(done) ? shell.t("complaint.staff.dispatch.done." + done) : null;
	}

	/**
	 * The refusal's messages by the id of the input they belong beside; a refusal that
	 * names no field (conflict, forbidden) is said beside the form's first one. A
	 * complaint that is not there is the not-found page.
	 */
	static Map<String, String> refused(ProblemException ex, Shell shell, String first, Map<String, String> ids) {
		if (ex instanceof NotFoundException) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		shell.errors(ex, first)
			.forEach((field, message) -> errors.putIfAbsent(ids.getOrDefault(field, field), message));
		return errors;
	}

	private static UUID uuid(String value) {
		try {
			return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
