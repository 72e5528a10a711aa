package org.onestop.evaluation.cause;

import java.util.Map;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The department heads' page of the causes of bad ratings: a period (and, for those who
 * read every department, a department), then one table per matter. A head lands on their
 * own department.
 */
@Controller
class CausesController {

	private final Causes causes;

	CausesController(Causes causes) {
		this.causes = causes;
	}

	@GetMapping("/staff/ratings/causes")
	@PreAuthorize("hasAnyRole('DEPARTMENT_HEAD', 'ADMIN', 'SERVICES_SUPERVISOR', 'AUDITOR')")
	String causes(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String department,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			@ModelAttribute("shell") Shell shell) {
		CauseRanking ranking;
		Map<String, String> errors = Map.of();
		String typedFrom = from == null ? "" : from.strip();
		String typedTo = to == null ? "" : to.strip();
		try {
			ranking = causes.rank(staff, department, CausesApiController.day(from, "from"),
					CausesApiController.day(to, "to"), null, shell.locale());
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			errors = shell.errors(refused, "from");
			ranking = causes.rank(staff, errors.containsKey("department") ? null : department, null, null, null,
					shell.locale());
		}
		if (errors.isEmpty()) {
			typedFrom = ranking.from().toString();
			typedTo = ranking.to().toString();
		}
		model.addAttribute("page",
				CausesPages.of(ranking, causes.choices(staff, shell.locale()), errors, typedFrom, typedTo, shell));
		return "evaluation/causes";
	}

}
