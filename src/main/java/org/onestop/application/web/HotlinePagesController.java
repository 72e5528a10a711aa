package org.onestop.application.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.hotline.PreparedApplications;
import org.onestop.application.hotline.PreparedForms;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.MatterQuery;
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
 * The agent prepares an application for a caller ("为来电群众准备申请"): the caller's ID number,
 * the matter and the call; then the form prefilled for the caller; then what was saved,
 * to read back. The ID number travels in POST bodies only, never in an address.
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class HotlinePagesController {

	private static final String START = "application/hotline-prepare";

	private static final String FORM = "application/hotline-form";

	private final PreparedApplications prepared;

	private final Catalog catalog;

	HotlinePagesController(PreparedApplications prepared, Catalog catalog) {
		this.prepared = prepared;
		this.catalog = catalog;
	}

	@GetMapping("/staff/hotline/prepare")
	String start(@AuthenticationPrincipal OneStopUser agent, @RequestParam(defaultValue = "") String call,
			Locale locale, Model model) {
		model.addAttribute("page", start(agent, "", "", call, Map.of(), locale));
		return START;
	}

	@PostMapping("/staff/hotline/prepare")
	String form(@AuthenticationPrincipal OneStopUser agent, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String serviceCode, @RequestParam(defaultValue = "") String callId,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell) {
		try {
			PreparedForms.Filled form = prepared.form(agent, idNumber, serviceCode);
			model.addAttribute("page", new PreparedPages.FormPage(form, idNumber.strip(), callId,
					UUID.randomUUID().toString(), values(form, Map.of()), Map.of()));
			return FORM;
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			model.addAttribute("page", start(agent, idNumber, serviceCode, callId, shell.errors(refused), locale));
			return START;
		}
	}

	@PostMapping("/staff/hotline/prepare/save")
	String save(@AuthenticationPrincipal OneStopUser agent, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String serviceCode, @RequestParam(defaultValue = "") String callId,
			@RequestParam(defaultValue = "") String idempotencyKey, @RequestParam MultiValueMap<String, String> params,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell) {
		Map<String, String> typed = FormParams.typed(params);
		try {
			PreparedApplications.Prepared made = prepared.prepare(agent, idempotencyKey,
					new PreparedApplications.PrepareCommand(idNumber, serviceCode, typed, call(callId)));
			return "redirect:/staff/hotline/prepared/" + made.prepared().id();
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			Map<String, String> errors = shell.errors(refused);
			if (errors.containsKey("idNumber") || errors.containsKey("serviceCode") || errors.containsKey("callId")) {
				model.addAttribute("page", start(agent, idNumber, serviceCode, callId, errors, locale));
				return START;
			}
			PreparedForms.Filled form = prepared.form(agent, idNumber, serviceCode);
			model.addAttribute("page", new PreparedPages.FormPage(form, idNumber.strip(), callId, idempotencyKey,
					values(form, typed), errors));
			return FORM;
		}
	}

	@GetMapping("/staff/hotline/prepared/{id}")
	String saved(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id, Model model) {
		model.addAttribute("page", new PreparedPages.SavedPage(prepared.preparedBy(agent, id)));
		return "application/hotline-prepared";
	}

	private PreparedPages.StartPage start(OneStopUser agent, String idNumber, String serviceCode, String callId,
			Map<String, String> errors, Locale locale) {
		List<PreparedPages.Choice> matters = catalog
			.search(new MatterQuery(null, null, null, null, 0, MatterQuery.MAX_SIZE))
			.items()
			.stream()
			.map(m -> new PreparedPages.Choice(m.code(), m.definition().name().in(locale)))
			.toList();
		return new PreparedPages.StartPage(idNumber, serviceCode, callId, matters, prepared.recentCalls(agent), errors);
	}

	private static Map<String, String> values(PreparedForms.Filled form, Map<String, String> typed) {
		Map<String, String> values = new LinkedHashMap<>();
		form.lines().forEach(l -> values.put(l.name(), l.value() == null ? "" : l.value()));
		values.putAll(typed);
		return values;
	}

	private static UUID call(String callId) {
		try {
			return callId == null || callId.isBlank() ? null : UUID.fromString(callId.strip());
		}
		catch (IllegalArgumentException ex) {
			return UUID.randomUUID();
		}
	}

}
