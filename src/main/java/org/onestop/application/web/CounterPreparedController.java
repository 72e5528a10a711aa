package org.onestop.application.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.PrecheckFailedException;
import org.onestop.application.hotline.PreparedApplications;
import org.onestop.application.hotline.PreparedApplications.PreparedView;
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

/**
 * At the counter: what the hotline prepared for the resident present (found by the ID
 * number on their card), confirmed with them after the clerk has seen the card and has
 * their consent. The ID number travels in POST bodies only.
 */
@Controller
@PreAuthorize("hasRole('CLERK')")
class CounterPreparedController {

	private static final String PAGE = "application/counter-prepared";

	private final PreparedApplications prepared;

	CounterPreparedController(PreparedApplications prepared) {
		this.prepared = prepared;
	}

	@GetMapping("/staff/counters/prepared")
	String start(Model model) {
		model.addAttribute("page", new PreparedPages.CounterPage("", null, null, Map.of(), null));
		return PAGE;
	}

	@PostMapping("/staff/counters/prepared")
	String find(@AuthenticationPrincipal OneStopUser clerk, @RequestParam(defaultValue = "") String idNumber,
			Model model, @ModelAttribute("shell") Shell shell) {
		return list(clerk, idNumber, null, Map.of(), null, model, shell);
	}

	@PostMapping("/staff/counters/prepared/{id}/confirm")
	String confirm(@AuthenticationPrincipal OneStopUser clerk, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "false") boolean identityChecked,
			@RequestParam(defaultValue = "false") boolean consent, @RequestParam(required = false) String explanation,
			Model model, @ModelAttribute("shell") Shell shell) {
		try {
			PreparedView confirmed = prepared.confirmAtCounter(clerk, idNumber, id, identityChecked, consent, Map.of(),
					explanation);
			return list(clerk, idNumber, confirmed, Map.of(), null, model, shell);
		}
		catch (PrecheckFailedException refused) {
			return list(clerk, idNumber, null, Map.of("explanation", shell.t("hotline.page.counter.precheck")), id,
					model, shell);
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			shell.errors(refused).forEach((field, message) -> errors.put(field + "-" + id, message));
			return list(clerk, idNumber, null, errors, id, model, shell);
		}
	}

	private String list(OneStopUser clerk, String idNumber, PreparedView confirmed, Map<String, String> errors,
			UUID errorFor, Model model, Shell shell) {
		try {
			List<PreparedView> pending = prepared.pendingFor(clerk, idNumber);
			model.addAttribute("page", new PreparedPages.CounterPage(idNumber.strip(), pending, confirmed, errors,
					errorFor == null ? null : errorFor.toString()));
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			model.addAttribute("page",
					new PreparedPages.CounterPage(idNumber, null, null, shell.errors(refused), null));
		}
		return PAGE;
	}

}
