package org.onestop.complaint.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.vault.DocumentVault;
import org.onestop.complaint.Handling;
import org.onestop.complaint.Handling.InboxItem;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The department's complaint inbox and one complaint with its actions as plain forms
 * (accept, return, contact, wait and resume, reply with evidence, co-handling answer),
 * and the agents' follow-up calls. Every refusal is shown beside its field with what was
 * typed kept; another department's complaint is the not-found page.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class StaffComplaintPagesController {

	private static final Set<String> DONE = Set.of("accepted", "returned", "contacted", "waiting", "resumed", "replied",
			"answered", "follow-up");

	private final Handling handling;

	private final DocumentVault vault;

	private final Departments departments;

	private final Clock clock;

	StaffComplaintPagesController(Handling handling, DocumentVault vault, Departments departments, Clock clock) {
		this.handling = handling;
		this.vault = vault;
		this.departments = departments;
		this.clock = clock;
	}

	@GetMapping("/staff/complaints")
	String inbox(@AuthenticationPrincipal OneStopUser staff, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		Instant now = clock.instant();
		List<StaffComplaintPages.InboxRow> rows = handling.inbox(staff, locale)
			.stream()
			.map(item -> StaffComplaintPages.row(item, staff.departmentCode(), now, shell))
			.toList();
		model.addAttribute("page", new StaffComplaintPages.InboxPage(rows, null));
		return "complaint/staff-inbox";
	}

	@GetMapping("/staff/complaints/{id}")
	String complaint(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(required = false) String done, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		String banner = done != null && DONE.contains(done) ? shell.t("complaint.staff.item.done." + done) : null;
		return show(staff, id, Map.of(), Map.of(), List.of(), banner, model, locale, shell);
	}

	@PostMapping("/staff/complaints/{id}/accept")
	String accept(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		try {
			handling.accept(staff, id, locale);
			return done(id, "accepted");
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "accept", Map.of(), Map.of(), model, locale, shell);
		}
	}

	@PostMapping("/staff/complaints/{id}/return")
	String returnDispatch(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "return-reason", defaultValue = "") String reason, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		try {
			handling.returnDispatch(staff, id, reason);
			return done(id, "returned");
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "return-reason", Map.of("reason", "return-reason"),
					Map.of("return-reason", reason), model, locale, shell);
		}
	}

	@PostMapping("/staff/complaints/{id}/contact")
	String contact(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "contact-note", defaultValue = "") String note, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		try {
			handling.contact(staff, id, note, locale);
			return done(id, "contacted");
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "contact-note", Map.of("note", "contact-note"), Map.of("contact-note", note),
					model, locale, shell);
		}
	}

	@PostMapping("/staff/complaints/{id}/wait")
	String waitFor(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "wait-reason", defaultValue = "") String reason, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		try {
			handling.waitFor(staff, id, reason, locale);
			return done(id, "waiting");
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "wait-reason", Map.of("reason", "wait-reason"), Map.of("wait-reason", reason),
					model, locale, shell);
		}
	}

	@PostMapping("/staff/complaints/{id}/resume")
	String resume(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		try {
			handling.resume(staff, id, locale);
			return done(id, "resumed");
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "resume", Map.of(), Map.of(), model, locale, shell);
		}
	}

	/**
	 * The reply: the photos go into the handler's own vault first, then their ids with
	 * the text to the facade. Photos stored before a refusal are kept on the form, so
	 * they are not asked for again.
	 */
	@PostMapping("/staff/complaints/{id}/reply")
	String reply(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "reply-text", defaultValue = "") String text,
			@RequestParam(required = false) List<MultipartFile> photos,
			@RequestParam(required = false) List<String> documentIds, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) throws IOException {
		List<UUID> evidence = new ArrayList<>();
		for (String value : documentIds == null ? List.<String>of() : documentIds) {
			try {
				evidence.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException ignored) {
				// Not a document id: nothing to attach.
			}
		}
		try {
			for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
				if (photo.isEmpty()) {
					continue;
				}
				try (InputStream in = photo.getInputStream()) {
					evidence.add(vault.upload(staff.username(), title(photo, shell), in).id());
				}
			}
			handling.reply(staff, id, text, evidence, locale);
			return done(id, "replied");
		}
		catch (ProblemException ex) {
			Map<String, String> errors = DispatchPagesController.refused(ex, shell, "reply-text", Map.of("text",
					"reply-text", "documentIds", "reply-photos", "file", "reply-photos", "title", "reply-photos"));
			return show(staff, id, errors, Map.of("reply-text", text), evidence, null, model, locale, shell);
		}
	}

	@PostMapping("/staff/complaints/{id}/answer")
	String answer(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "answer-text", defaultValue = "") String text, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		try {
			handling.answerCoHandling(staff, id, text, locale);
			return done(id, "answered");
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "answer-text", Map.of("text", "answer-text"), Map.of("answer-text", text),
					model, locale, shell);
		}
	}

	@GetMapping("/staff/complaints/follow-ups")
	String followUps(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String done,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell) {
		String banner = "follow-up".equals(done) ? shell.t("complaint.staff.item.done.follow-up") : null;
		model.addAttribute("page", new StaffComplaintPages.FollowUpsPage(handling.followUps(staff, locale), null,
				Map.of(), Map.of(), banner));
		return "complaint/staff-follow-ups";
	}

	@PostMapping("/staff/complaints/{id}/follow-up")
	String followUp(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(required = false) Boolean reached, @RequestParam(required = false) Boolean solved,
			@RequestParam(defaultValue = "") String rating, @RequestParam(defaultValue = "") String comment,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell) {
		try {
			handling.recordFollowUp(staff, id, reached, solved, rating(rating), comment, locale);
			return "redirect:/staff/complaints/follow-ups?done=follow-up";
		}
		catch (ProblemException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			DispatchPagesController.refused(ex, shell, "reached", Map.of())
				.forEach((field, message) -> errors.put(field + "-" + id, message));
			Map<String, String> values = Map.of("reached", reached == null ? "" : reached.toString(), "solved",
					solved == null ? "" : solved.toString(), "rating", rating, "comment", comment);
			model.addAttribute("page",
					new StaffComplaintPages.FollowUpsPage(handling.followUps(staff, locale), id, errors, values, null));
			return "complaint/staff-follow-ups";
		}
	}

	private String refused(OneStopUser staff, UUID id, ProblemException ex, String first, Map<String, String> ids,
			Map<String, String> values, Model model, Locale locale, Shell shell) {
		Map<String, String> errors = DispatchPagesController.refused(ex, shell, first, ids);
		return show(staff, id, errors, values, List.of(), null, model, locale, shell);
	}

	private String show(OneStopUser staff, UUID id, Map<String, String> errors, Map<String, String> values,
			List<UUID> kept, String banner, Model model, Locale locale, Shell shell) {
		InboxItem item = handling.item(staff, id, locale);
		model.addAttribute("page", StaffComplaintPages.page(item, staff.departmentCode(), clock.instant(),
				departments.names(locale), errors, values, kept, banner, shell));
		return "complaint/staff-complaint";
	}

	private static String done(UUID id, String what) {
		return "redirect:/staff/complaints/" + id + "?done=" + what;
	}

	private static String title(MultipartFile photo, Shell shell) {
		String name = photo.getOriginalFilename();
		return name == null || name.isBlank() ? shell.t("complaint.staff.reply.photo-title") : name.strip();
	}

	/** A rating typed by hand that is not a number is refused by the facade like 0. */
	private static Integer rating(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
