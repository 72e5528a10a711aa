package org.onestop.application.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.CorrectionRequests;
import org.onestop.application.DiscretionLog;
import org.onestop.catalog.Catalog;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.registry.DataItemDefinition;
import org.onestop.registry.Registries;
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
 * What staff oversee beyond single cases: the discretion log, and citizens' disputes of
 * registry values.
 */
@Controller
class OversightController {

	private final DiscretionLog discretionLog;

	private final CorrectionRequests corrections;

	private final Catalog catalog;

	private final Registries registries;

	OversightController(DiscretionLog discretionLog, CorrectionRequests corrections, Catalog catalog,
			Registries registries) {
		this.discretionLog = discretionLog;
		this.corrections = corrections;
		this.catalog = catalog;
		this.registries = registries;
	}

	@GetMapping("/staff/discretion-log")
	@PreAuthorize("hasAnyRole('AUDITOR', 'SUPERVISOR', 'DEPARTMENT_HEAD')")
	String discretionLog(@AuthenticationPrincipal OneStopUser staff, Model model) {
		model.addAttribute("page",
				new ApplicationPages.DiscretionLogPage(discretionLog.readableBy(staff), staff.has(Role.AUDITOR)));
		return "application/discretion-log";
	}

	@GetMapping("/staff/corrections")
	@PreAuthorize("hasRole('STAFF')")
	String corrections(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String resolved,
			Model model, @ModelAttribute("shell") Shell shell) {
		String banner = resolved != null ? shell.t("application.page.corrections.resolved") : null;
		model.addAttribute("page", page(corrections.of(staff, false), null, Map.of(), banner, shell.locale()));
		return "application/corrections";
	}

	@PostMapping("/staff/corrections/{id}/resolve")
	@PreAuthorize("hasRole('STAFF')")
	String resolve(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			corrections.resolve(staff, id, outcome, note);
			return "redirect:/staff/corrections?resolved";
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			model.addAttribute("page", page(corrections.of(staff, false), id, shell.errors(ex), null, shell.locale()));
			return "application/corrections";
		}
	}

	/** The page, with the names of the matters and data items its requests are about. */
	private CorrectionsPage page(List<CorrectionRequests.CorrectionRequest> requests, UUID failed,
			Map<String, String> errors, String banner, Locale locale) {
		Map<String, String> matters = new HashMap<>();
		requests.forEach(r -> matters.computeIfAbsent(r.serviceCode(),
				code -> catalog.matter(code).map(m -> m.definition().name().in(locale)).orElse(code)));
		Map<String, String> items = new HashMap<>();
		registries.items().forEach(d -> items.put(d.key(), label(d, locale)));
		return new CorrectionsPage(requests, matters, items, failed, errors, banner);
	}

	private static String label(DataItemDefinition item, Locale locale) {
		return item.label().in(locale);
	}

}
