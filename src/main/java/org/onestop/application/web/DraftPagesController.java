package org.onestop.application.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.Drafts;
import org.onestop.application.form.FormView;
import org.onestop.application.form.Forms;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Saving a draft as the citizen types (an htmx fragment), and disputing a prefilled
 * value.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class DraftPagesController {

	private final Drafts drafts;

	private final Clock clock;

	DraftPagesController(Drafts drafts, Clock clock) {
		this.drafts = drafts;
		this.clock = clock;
	}

	@PostMapping("/applications/drafts/{id}/autosave")
	String autosave(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> params, Model model, @ModelAttribute("shell") Shell shell) {
		String message;
		try {
			drafts.save(citizen, id, FormParams.typed(params), FormParams.documentIds(params),
					params.getFirst("explanation"));
			message = shell.t("application.page.autosave.saved", shell.dateTime(clock.instant()).substring(11));
		}
		catch (ProblemException ex) {
			message = shell.t("application.page.autosave.not-saved");
		}
		model.addAttribute("message", message);
		return "application/autosaved";
	}

	@GetMapping("/applications/drafts/{id}/disputes/{field}")
	String disputeForm(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, @PathVariable String field,
			Model model) {
		String code = serviceOf(citizen, id);
		FormView.Field f = field(citizen, code, id, field);
		model.addAttribute("page",
				new ApplicationPages.DisputePage(id, code, f, f.disputed() ? f.value() : "", "", Map.of()));
		return "application/dispute";
	}

	@PostMapping("/applications/drafts/{id}/disputes/{field}")
	String dispute(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, @PathVariable String field,
			@RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String comment, Model model,
			@ModelAttribute("shell") Shell shell) {
		String code = serviceOf(citizen, id);
		try {
			drafts.dispute(citizen, id, field, value, comment.isBlank() ? null : comment);
			return "redirect:/services/" + code + "/apply#" + field;
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			model.addAttribute("page", new ApplicationPages.DisputePage(id, code, field(citizen, code, id, field),
					value, comment, shell.errors(ex)));
			return "application/dispute";
		}
	}

	private String serviceOf(OneStopUser citizen, UUID draftId) {
		return drafts.serviceOf(citizen, draftId);
	}

	private FormView.Field field(OneStopUser citizen, String code, UUID draftId, String name) {
		FormView form = drafts.open(citizen, code);
		return form.fields()
			.stream()
			.filter(f -> f.name().equals(name) && f.source() != null && !Forms.OWN_ID_NUMBER.equals(f.source())
					&& form.draftId().equals(draftId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("application.not-found"));
	}

}
