package org.onestop.application.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.PrecheckFailedException;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.hotline.PreparedApplications;
import org.onestop.application.hotline.PreparedApplications.PreparedView;
import org.onestop.identity.OneStopUser;
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
 * The citizen's page of an application the hotline prepared for them, reached from the
 * inbox message's link: confirm it (then the case page) or decline it.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class PreparedPagesController {

	private final PreparedApplications prepared;

	PreparedPagesController(PreparedApplications prepared) {
		this.prepared = prepared;
	}

	@GetMapping("/applications/prepared/{id}")
	String one(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam(required = false) String declined, Model model, @ModelAttribute("shell") Shell shell) {
		PreparedView view = prepared.one(citizen, id);
		model.addAttribute("page", page(view, Map.of(), null, null, Map.of(),
				declined != null ? shell.t("hotline.page.citizen.declined-banner") : null));
		return "application/prepared";
	}

	@PostMapping("/applications/prepared/{id}/confirm")
	String confirm(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> params, Model model, @ModelAttribute("shell") Shell shell) {
		Map<String, String> typed = FormParams.typed(params);
		String explanation = params.getFirst("explanation");
		try {
			PreparedView view = prepared.confirm(citizen, id, typed, explanation);
			return "redirect:/applications/" + view.prepared().applicationId() + "?submitted";
		}
		catch (PrecheckFailedException refused) {
			model.addAttribute("page",
					page(prepared.one(citizen, id), typed, refused.problems(), explanation, Map.of(), null));
			return "application/prepared";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			model.addAttribute("page",
					page(prepared.one(citizen, id), typed, null, explanation, shell.errors(refused), null));
			return "application/prepared";
		}
	}

	@PostMapping("/applications/prepared/{id}/decline")
	String decline(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		prepared.decline(citizen, id);
		return "redirect:/applications/prepared/" + id + "?declined";
	}

	private static PreparedPages.CitizenPage page(PreparedView view, Map<String, String> typed,
			List<PrecheckProblem> problems, String explanation, Map<String, String> errors, String banner) {
		Map<String, String> values = new LinkedHashMap<>();
		view.form().lines().forEach(l -> values.put(l.name(), l.value() == null ? "" : l.value()));
		values.putAll(typed);
		return new PreparedPages.CitizenPage(view, values, problems, explanation, errors, banner);
	}

}
