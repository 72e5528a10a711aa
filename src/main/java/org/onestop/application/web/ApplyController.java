package org.onestop.application.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.application.ApplicationForm;
import org.onestop.application.Drafts;
import org.onestop.application.Intake;
import org.onestop.application.PrecheckFailedException;
import org.onestop.application.Submissions;
import org.onestop.application.form.FormView;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.vault.DocumentVault;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.OnlineChannel;
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
 * The prefilled application form: save a draft, pre-check, submit. Works without
 * JavaScript; with it, the draft also saves itself as the citizen types
 * ({@link DraftPagesController}).
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class ApplyController {

	private final Drafts drafts;

	private final Submissions submissions;

	private final DocumentVault vault;

	private final Departments departments;

	ApplyController(Drafts drafts, Submissions submissions, DocumentVault vault, Departments departments) {
		this.drafts = drafts;
		this.submissions = submissions;
		this.vault = vault;
		this.departments = departments;
	}

	@GetMapping("/services/{code}/apply")
	String form(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code,
			@RequestParam(required = false) String saved, Model model, @ModelAttribute("shell") Shell shell) {
		FormView form = drafts.open(citizen, code);
		String banner = saved != null ? shell.t("application.page.apply.saved") : null;
		model.addAttribute("page", page(shell.locale(), citizen, form, UUID.randomUUID().toString(), null, null, null,
				null, false, banner));
		return "application/apply";
	}

	@PostMapping("/services/{code}/apply")
	String act(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code, @RequestParam UUID draftId,
			@RequestParam(defaultValue = "save") String action, @RequestParam(defaultValue = "") String idempotencyKey,
			@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) MultipartFile upload,
			@RequestParam(defaultValue = "") String uploadTitle, Model model, @ModelAttribute("shell") Shell shell,
			HttpServletRequest http) throws IOException {
		Map<String, String> typed = FormParams.typed(params);
		List<UUID> documents = FormParams.documentIds(params);
		String explanation = params.getFirst("explanation");
		String key = idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
		try {
			if (upload != null && !upload.isEmpty()) {
				String title = uploadTitle.isBlank() ? upload.getOriginalFilename() : uploadTitle;
				documents.add(vault.upload(citizen, title, upload.getInputStream()).id());
			}
			ApplicationForm request = new ApplicationForm(code, typed, documents, explanation, draftId);
			switch (action) {
				case "submit" -> {
					Submissions.Submitted submitted = submissions.submit(citizen, key, request,
							Intake.byApplicant(OnlineChannel.of(http)));
					return "redirect:/applications/" + submitted.application().id() + "?submitted";
				}
				case "check" -> {
					drafts.save(citizen, draftId, typed, documents, explanation);
					Submissions.PrecheckResult result = submissions.precheck(citizen, request);
					String banner = result.passed() ? shell.t("application.page.apply.check-passed") : null;
					model.addAttribute("page", page(shell.locale(), citizen, drafts.open(citizen, code), key, typed,
							documents, result.problems(), explanation, false, banner));
					return "application/apply";
				}
				default -> {
					drafts.save(citizen, draftId, typed, documents, explanation);
					return "redirect:/services/" + code + "/apply?saved";
				}
			}
		}
		catch (PrecheckFailedException ex) {
			keepDraft(citizen, draftId, typed, documents, explanation);
			model.addAttribute("page", page(shell.locale(), citizen, drafts.open(citizen, code), key, typed, documents,
					ex.problems(), explanation, true, null));
			return "application/apply";
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(ex).forEach((field, message) -> errors.putIfAbsent(ApplicationPages.inputId(field), message));
			model.addAttribute("page", page(shell.locale(), citizen, drafts.open(citizen, code), key, typed, documents,
					null, explanation, false, null)
				.withErrors(errors));
			return "application/apply";
		}
	}

	/** A refused submission keeps what the citizen typed, when it can be kept. */
	private void keepDraft(OneStopUser citizen, UUID draftId, Map<String, String> typed, List<UUID> documents,
			String explanation) {
		try {
			drafts.save(citizen, draftId, typed, documents, explanation);
		}
		catch (ProblemException ignored) {
			// The page shows the problems; the draft keeps its last good state.
		}
	}

	private ApplicationPages.ApplyPage page(Locale locale, OneStopUser citizen, FormView form, String key,
			Map<String, String> typed, List<UUID> documents, List<PrecheckProblem> problems, String explanation,
			boolean refused, String banner) {
		Map<String, String> values = new LinkedHashMap<>();
		form.fields().forEach(f -> values.put(f.name(), f.value()));
		if (typed != null) {
			values.putAll(typed);
		}
		return new ApplicationPages.ApplyPage(form, values,
				new LinkedHashSet<>(documents != null ? documents : form.documentIds()),
				explanation != null ? explanation : form.explanation(), vault.documentsOf(citizen), key, Map.of(),
				problems, refused, banner, departmentNames(form, locale));
	}

	private Map<String, String> departmentNames(FormView form, Locale locale) {
		Map<String, String> names = new HashMap<>();
		form.fields()
			.stream()
			.map(FormView.Field::sourceDepartment)
			.filter(Objects::nonNull)
			.distinct()
			.forEach(code -> names.put(code, departments.byCode(code).map(d -> d.name(locale)).orElse(code)));
		return names;
	}

	/**
	 * Where a field's error shows: the vault's upload refusals belong beside the upload
	 * field.
	 */
	/**
	 * The typed fields, sent as {@code f.<name>}; a consent box sends a hidden empty
	 * value before its own.
	 */

}
