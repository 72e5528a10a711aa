package org.onestop.application.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.application.Bundles;
import org.onestop.application.Intake;
import org.onestop.application.PrecheckFailedException;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.vault.DocumentVault;
import org.onestop.catalog.Catalog;
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
 * The joint application (联办) of a life event: one form for all of the bundle's matters,
 * prefilled from the registries, confirmed once; the same {@link Bundles#submit} as
 * {@code POST /api/v1/bundles}, so the page and the API make the same applications.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class BundlePagesController {

	private final Bundles bundles;

	private final Catalog catalog;

	private final DocumentVault vault;

	BundlePagesController(Bundles bundles, Catalog catalog, DocumentVault vault) {
		this.bundles = bundles;
		this.catalog = catalog;
		this.vault = vault;
	}

	@GetMapping("/applications/bundle/{lifeEvent}")
	String form(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String lifeEvent, Model model,
			Locale locale) {
		Bundles.BundleForm form = bundles.form(citizen, lifeEvent);
		model.addAttribute("page", page(citizen, form, locale, Map.of(), List.of(), null, UUID.randomUUID().toString(),
				List.of(), Map.of()));
		return "application/bundle";
	}

	@PostMapping("/applications/bundle/{lifeEvent}")
	String submit(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String lifeEvent,
			@RequestParam(defaultValue = "") String idempotencyKey, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(required = false) MultipartFile upload, @RequestParam(defaultValue = "") String uploadTitle,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell, HttpServletRequest http)
			throws IOException {
		Bundles.BundleForm form = bundles.form(citizen, lifeEvent);
		Map<String, String> typed = new LinkedHashMap<>(FormParams.typed(params));
		// What the registries hold is taken from them again, never from the page.
		form.fields().stream().filter(Bundles.BundleField::readOnly).forEach(f -> typed.remove(f.name()));
		List<UUID> documents = FormParams.documentIds(params);
		String explanation = params.getFirst("explanation");
		String key = idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
		try {
			if (upload != null && !upload.isEmpty()) {
				String title = uploadTitle.isBlank() ? upload.getOriginalFilename() : uploadTitle;
				documents.add(vault.upload(citizen, title, upload.getInputStream()).id());
			}
			Bundles.BundleView made = bundles.submit(citizen, key, lifeEvent, typed, documents, explanation,
					Intake.byApplicant(OnlineChannel.of(http)));
			return "redirect:/applications/bundles/" + made.id();
		}
		catch (PrecheckFailedException ex) {
			List<PrecheckProblem> problems = named(ex.problems(), locale);
			Map<String, String> errors = new LinkedHashMap<>();
			problems.stream().filter(p -> p.field() != null).forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			model.addAttribute("page",
					page(citizen, form, locale, typed, documents, explanation, key, problems, errors));
			return "application/bundle";
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(ex).forEach((field, message) -> errors.putIfAbsent(ApplicationPages.inputId(field), message));
			model.addAttribute("page",
					page(citizen, form, locale, typed, documents, explanation, key, List.of(), errors));
			return "application/bundle";
		}
	}

	@GetMapping("/applications/bundles/{id}")
	String done(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, Model model, Locale locale) {
		Bundles.BundleView view = bundles.view(citizen, id);
		var parts = view.applications()
			.stream()
			.map(p -> new BundlePages.BundleDonePage.Part(p.id(), name(p.serviceCode(), locale), p.status().name(),
					p.dueDate()))
			.toList();
		model.addAttribute("page",
				new BundlePages.BundleDonePage(lifeEventName(view.lifeEvent(), locale), view.status(), parts));
		return "application/bundle-done";
	}

	private BundlePages.BundlePage page(OneStopUser citizen, Bundles.BundleForm form, Locale locale,
			Map<String, String> typed, List<UUID> documents, String explanation, String key,
			List<PrecheckProblem> problems, Map<String, String> errors) {
		Map<String, String> askedBy = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		String separator = "en".equals(locale.getLanguage()) ? ", " : "、";
		for (Bundles.BundleField f : form.fields()) {
			askedBy.put(f.name(),
					f.matters().stream().map(code -> name(code, locale)).collect(Collectors.joining(separator)));
			values.put(f.name(), f.readOnly() ? f.value() : typed.getOrDefault(f.name(), f.value()));
		}
		return new BundlePages.BundlePage(form, form.name().in(locale),
				form.matters().stream().map(code -> name(code, locale)).toList(), askedBy, values, form.documents(),
				vault.documentsOf(citizen), new LinkedHashSet<>(documents), explanation, key, problems, errors);
	}

	/**
	 * The bundle names each problem by its matter's code; the citizen reads the matter's
	 * name.
	 */
	private List<PrecheckProblem> named(List<PrecheckProblem> problems, Locale locale) {
		return problems.stream().map(p -> {
			String message = p.message();
			int colon = message == null ? -1 : message.indexOf('：');
			if (colon > 0 && catalog.cachedMatter(message.substring(0, colon)).isPresent()) {
				message = name(message.substring(0, colon), locale) + "：" + message.substring(colon + 1);
			}
			return new PrecheckProblem(p.kind(), p.code(), p.field(), message, p.remedy());
		}).toList();
	}

	private String name(String code, Locale locale) {
		return catalog.cachedMatter(code).map(m -> m.definition().name().in(locale)).orElse(code);
	}

	private String lifeEventName(String code, Locale locale) {
		return catalog.cachedLifeEvent(code).map(e -> e.name().in(locale)).orElse(code);
	}

}
