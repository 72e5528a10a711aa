package org.onestop.application.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.CaseFiles;
import org.onestop.application.Casework;
import org.onestop.application.Filings;
import org.onestop.application.TaskOutcome;
import org.onestop.catalog.Catalog;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.workflow.WorkTask;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff task inbox and the review screen, where a task is decided. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class TaskPagesController {

	private static final List<String> OUTCOME_FIELDS = List.of("reason", "legalBasis", "remedy", "items", "findings",
			"adjustedRule", "justification");

	private final Casework casework;

	private final CaseFiles caseFiles;

	private final Catalog catalog;

	private final Filings filings;

	TaskPagesController(Casework casework, CaseFiles caseFiles, Catalog catalog, Filings filings) {
		this.casework = casework;
		this.caseFiles = caseFiles;
		this.catalog = catalog;
		this.filings = filings;
	}

	@GetMapping("/staff/tasks")
	String inbox(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String done,
			@RequestParam(required = false) String claimed, @RequestParam(defaultValue = "0") int page, Model model,
			Locale locale, @ModelAttribute("shell") Shell shell) {
		// A page number typed out of range shows the nearest page rather than an error.
		Casework.Inbox inbox = casework.inbox(staff, Math.max(0, Math.min(page, Casework.MAX_PAGE)),
				Casework.DEFAULT_PAGE_SIZE);
		String banner = done != null ? shell.t("application.page.inbox.done")
				: claimed != null ? shell.t("application.page.inbox.claimed") : null;
		model.addAttribute("page", ApplicationPages.InboxPage.of(inbox, code -> name(code, locale), banner));
		return "application/inbox";
	}

	/**
	 * Finds an application by the reference a caller quotes: its task this person may
	 * work on opens; otherwise the inbox says what was found.
	 */
	@GetMapping(value = "/staff/tasks", params = "reference")
	String find(@AuthenticationPrincipal OneStopUser staff, @RequestParam String reference, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		var file = caseFiles.ofReference(staff, reference);
		var task = file.stream().flatMap(f -> f.tasks().stream()).filter(t -> casework.mayWork(staff, t)).findFirst();
		if (task.isPresent()) {
			return "redirect:/staff/tasks/" + task.get().id();
		}
		Casework.Inbox inbox = casework.inbox(staff, 0, Casework.DEFAULT_PAGE_SIZE);
		String problem = file.isEmpty() ? shell.t("application.page.find.none", reference.strip())
				: shell.t("application.page.find.no-task", file.get().application().reference(),
						shell.t("application.page.status." + file.get().application().status().name()));
		model.addAttribute("page",
				ApplicationPages.InboxPage.of(inbox, code -> name(code, locale), null).found(reference, problem));
		return "application/inbox";
	}

	@PostMapping("/staff/tasks/{id}/claim")
	String claim(@AuthenticationPrincipal OneStopUser staff, @PathVariable String id,
			@RequestParam(defaultValue = "inbox") String back) {
		casework.claim(staff, id);
		return "task".equals(back) ? "redirect:/staff/tasks/" + id : "redirect:/staff/tasks?claimed";
	}

	@GetMapping("/staff/tasks/{id}")
	String task(@AuthenticationPrincipal OneStopUser staff, @PathVariable String id, Model model, Locale locale) {
		model.addAttribute("page", page(staff, id, null, Map.of(), Map.of(), locale));
		return "application/task";
	}

	@PostMapping("/staff/tasks/{id}/complete")
	String complete(@AuthenticationPrincipal OneStopUser staff, @PathVariable String id,
			@RequestParam(defaultValue = "") String outcome, @RequestParam Map<String, String> params, Model model,
			Locale locale, @ModelAttribute("shell") Shell shell) {
		List<String> items = Arrays.stream(params.getOrDefault("items", "").split("\\R")).toList();
		TaskOutcome decision = new TaskOutcome(outcome, params.get("reason"), params.get("legalBasis"),
				params.get("remedy"), items, params.get("findings"), params.get("adjustedRule"),
				params.get("justification"));
		try {
			casework.complete(staff, id, decision);
			return "redirect:/staff/tasks?done";
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(ex).forEach((field, message) -> errors.put(outcome + "-" + field, message));
			Map<String, String> submitted = new HashMap<>();
			OUTCOME_FIELDS.forEach(f -> submitted.put(f, params.getOrDefault(f, "")));
			model.addAttribute("page", page(staff, id, outcome, errors, submitted, locale));
			return "application/task";
		}
	}

	/** The same document the API serves, for staff signed in to the pages. */
	@GetMapping("/staff/applications/{id}/documents/{documentId}")
	ResponseEntity<InputStreamResource> document(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@PathVariable UUID documentId) {
		return StaffDocuments.inline(caseFiles.document(staff, id, documentId));
	}

	private ApplicationPages.TaskPage page(OneStopUser staff, String taskId, String outcome, Map<String, String> errors,
			Map<String, String> submitted, Locale locale) {
		WorkTask task = casework.visibleTask(staff, taskId);
		CaseFiles.CaseFile file = caseFiles.of(staff, UUID.fromString(task.caseId()));
		return ApplicationPages.TaskPage.of(task, file, name(file.application().serviceCode(), locale), outcome, errors,
				submitted, filings.of(file.application()));
	}

	/** The matter's name as the catalog shows it (this node's copy, about 1 s behind). */
	private String name(String code, Locale locale) {
		return catalog.cachedMatter(code).map(m -> m.definition().name().in(locale)).orElse(code);
	}

}
