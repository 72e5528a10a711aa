package org.onestop.application.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.Application;
import org.onestop.application.CaseView;
import org.onestop.application.Cases;
import org.onestop.application.Filings;
import org.onestop.application.form.FormField;
import org.onestop.application.form.Forms;
import org.onestop.application.vault.DocumentVault;
import org.onestop.catalog.Catalog;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen's applications: the list, one application, answering a request,
 * withdrawing.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class CasePagesController {

	private final Cases cases;

	private final Catalog catalog;

	private final Forms forms;

	private final DocumentVault vault;

	private final Filings filings;

	CasePagesController(Cases cases, Catalog catalog, Forms forms, DocumentVault vault, Filings filings) {
		this.cases = cases;
		this.catalog = catalog;
		this.forms = forms;
		this.vault = vault;
		this.filings = filings;
	}

	@GetMapping("/applications")
	String mine(@AuthenticationPrincipal OneStopUser citizen, Model model, Locale locale) {
		var rows = cases.mine(citizen)
			.stream()
			.map(a -> new ApplicationPages.MyApplicationsPage.Row(a.id(), a.reference(), a.serviceCode(),
					name(a.serviceCode(), locale), a.status(), a.dueDate(), a.updatedAt(), filings.of(a)))
			.toList();
		model.addAttribute("page", new ApplicationPages.MyApplicationsPage(rows));
		return "application/mine";
	}

	@GetMapping("/applications/{id}")
	String one(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam(required = false) String submitted, @RequestParam(required = false) String answered,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell) {
		String banner = submitted != null ? shell.t("application.page.case.submitted-banner")
				: answered != null ? shell.t("application.page.case.answered-banner") : null;
		model.addAttribute("page", page(citizen, cases.readable(citizen, id), null, Map.of(), banner, locale));
		return "application/case";
	}

	@PostMapping("/applications/{id}/requests/{requestId}/answer")
	String answer(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, @PathVariable UUID requestId,
			@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) MultipartFile upload,
			@RequestParam(defaultValue = "") String uploadTitle, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) throws IOException {
		Map<String, String> typed = FormParams.typed(params);
		typed.values().removeIf(String::isBlank);
		List<UUID> documents = FormParams.documentIds(params);
		try {
			if (upload != null && !upload.isEmpty()) {
				String title = uploadTitle.isBlank() ? upload.getOriginalFilename() : uploadTitle;
				documents.add(vault.upload(citizen, title, upload.getInputStream()).id());
			}
			cases.answer(citizen, id, requestId, typed, documents, params.getFirst("note"));
			return "redirect:/applications/" + id + "?answered";
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(ex).forEach((field, message) -> errors.putIfAbsent(ApplicationPages.inputId(field), message));
			model.addAttribute("page", page(citizen, cases.readable(citizen, id), requestId, errors, null, locale));
			return "application/case";
		}
	}

	@GetMapping("/applications/{id}/withdraw")
	String confirmWithdrawal(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, Model model,
			Locale locale) {
		Application a = cases.readable(citizen, id);
		model.addAttribute("page",
				new ApplicationPages.WithdrawPage(cases.citizenView(a), name(a.serviceCode(), locale)));
		return "application/withdraw";
	}

	@PostMapping("/applications/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		cases.withdraw(citizen, id);
		return "redirect:/applications/" + id;
	}

	private ApplicationPages.CasePage page(OneStopUser citizen, Application a, UUID failed, Map<String, String> errors,
			String banner, Locale locale) {
		List<FormField> answerFields = forms.revision(a.serviceCode(), a.matterVersion(), a.formRevision())
			.map(f -> f.definition()
				.fields()
				.stream()
				.filter(field -> !a.sources().containsKey(field.name()) || a.disputes().containsKey(field.name()))
				.toList())
			.orElse(List.of());
		CaseView view = cases.citizenView(a);
		return new ApplicationPages.CasePage(view, ApplicationPages.TimelineRow.of(view), name(a.serviceCode(), locale),
				answerFields, a.fields(), vault.documentsOf(citizen), failed, errors, banner, filings.of(a));
	}

	private String name(String code, Locale locale) {
		return catalog.matter(code).map(m -> m.definition().name().in(locale)).orElse(code);
	}

}
