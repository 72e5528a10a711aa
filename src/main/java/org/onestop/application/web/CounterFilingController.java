package org.onestop.application.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.onestop.application.CounterFiling;
import org.onestop.application.PrecheckFailedException;
import org.onestop.application.form.FormView;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterQuery;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.shared.LocalizedText;
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
 * The counter console's "为群众办理事项" (issue 15): find the citizen present by ID number (or
 * from the called ticket's appointment), choose the matter, fill in the form prefilled
 * for them with the papers scanned, confirm the ID card check and the consent, file, and
 * print the receipt. A refused submit keeps everything typed.
 */
@Controller
@PreAuthorize("hasRole('CLERK')")
class CounterFilingController {

	private static final int MATTERS = 20;

	private final CounterFiling filing;

	private final Catalog catalog;

	private final Departments departments;

	CounterFilingController(CounterFiling filing, Catalog catalog, Departments departments) {
		this.filing = filing;
		this.catalog = catalog;
		this.departments = departments;
	}

	@GetMapping("/staff/counter/file")
	String find(@AuthenticationPrincipal OneStopUser clerk, @RequestParam(required = false) String hall,
			@RequestParam(required = false) String counter, @RequestParam(required = false) UUID ticket,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String q, Model model,
			@ModelAttribute("shell") Shell shell) {
		CounterFiling.Called called = ticket == null ? null : filing.called(clerk, ticket);
		CounterPages.Desk desk = called == null ? CounterPages.Desk.of(hall, counter) : CounterPages.Desk.of(called);
		String id = idNumber != null ? idNumber.strip()
				: called != null && called.idNumber() != null ? called.idNumber().value() : "";
		String query = q == null ? "" : q.strip();
		CounterFiling.Present present = null;
		List<CounterPages.MatterItem> matters = List.of();
		CounterPages.MatterItem ticketMatter = null;
		Map<String, String> errors = Map.of();
		if (!id.isEmpty()) {
			try {
				present = filing.present(clerk, id);
				matters = catalog.search(new MatterQuery(query, null, null, null, 0, MATTERS))
					.items()
					.stream()
					.map(m -> item(m, shell.locale()))
					.toList();
				ticketMatter = called == null || called.serviceCode() == null ? null
						: catalog.cachedMatter(called.serviceCode()).map(m -> item(m, shell.locale())).orElse(null);
			}
			catch (ProblemException ex) {
				errors = shell.errors(ex, "idNumber");
			}
		}
		model.addAttribute("page", new CounterPages.FindPage(desk, id, query, present, ticketMatter, matters, errors));
		return "application/counter-find";
	}

	@GetMapping("/staff/counter/file/{code}")
	String form(@AuthenticationPrincipal OneStopUser clerk, @PathVariable String code,
			@RequestParam(required = false) String hall, @RequestParam(required = false) String counter,
			@RequestParam(required = false) UUID ticket, @RequestParam String idNumber, Model model,
			@ModelAttribute("shell") Shell shell) {
		CounterPages.Desk desk = desk(clerk, hall, counter, ticket);
		model.addAttribute("page", page(clerk, shell, desk, code, idNumber, null, List.of(), null,
				UUID.randomUUID().toString(), false, null, false, Map.of(), null, null));
		return "application/counter-form";
	}

	@PostMapping("/staff/counter/file/{code}")
	String act(@AuthenticationPrincipal OneStopUser clerk, @PathVariable String code,
			@RequestParam(required = false) String hall, @RequestParam(required = false) String counter,
			@RequestParam(required = false) UUID ticket, @RequestParam String idNumber,
			@RequestParam(defaultValue = "submit") String action,
			@RequestParam(defaultValue = "") String idempotencyKey,
			@RequestParam(defaultValue = "false") boolean identityChecked,
			@RequestParam(defaultValue = "false") boolean consent,
			@RequestParam(defaultValue = "") String idCardReaderNumber,
			@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) MultipartFile upload,
			@RequestParam(defaultValue = "") String uploadTitle, Model model, @ModelAttribute("shell") Shell shell)
			throws IOException {
		CounterPages.Desk desk = desk(clerk, hall, counter, ticket);
		Map<String, String> typed = FormParams.typed(params);
		List<UUID> documents = FormParams.documentIds(params);
		String explanation = params.getFirst("explanation");
		String key = idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
		String banner = null;
		try {
			if (upload != null && !upload.isEmpty()) {
				String title = uploadTitle.isBlank() ? upload.getOriginalFilename() : uploadTitle;
				var scanned = filing.scan(clerk, idNumber, title, upload.getInputStream());
				documents.add(scanned.id());
				banner = shell.t("counter.form.scanned", scanned.title());
			}
			else if ("scan".equals(action)) {
				throw new org.onestop.platform.InvalidInputException("file", "application.vault.file.empty");
			}
			if ("submit".equals(action)) {
				var filed = filing.file(clerk, key, new CounterFiling.CounterApplication(idNumber, code, typed,
						documents, identityChecked, consent, idCardReaderNumber, desk.ticket(), explanation));
				String query = desk.query();
				return "redirect:/staff/counter/applications/" + filed.application().id() + "/filed"
						+ (query.isEmpty() ? "" : "?" + query);
			}
			model.addAttribute("page", page(clerk, shell, desk, code, idNumber, typed, documents, explanation, key,
					identityChecked, idCardReaderNumber, consent, Map.of(), null, banner));
		}
		catch (PrecheckFailedException ex) {
			model.addAttribute("page", page(clerk, shell, desk, code, idNumber, typed, documents, explanation, key,
					identityChecked, idCardReaderNumber, consent, Map.of(), ex.problems(), banner));
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(ex).forEach((field, message) -> errors.putIfAbsent(ApplicationPages.inputId(field), message));
			model.addAttribute("page", page(clerk, shell, desk, code, idNumber, typed, documents, explanation, key,
					identityChecked, idCardReaderNumber, consent, errors, null, banner));
		}
		return "application/counter-form";
	}

	@GetMapping("/staff/counter/applications/{id}/filed")
	String filed(@AuthenticationPrincipal OneStopUser clerk, @PathVariable UUID id,
			@RequestParam(required = false) String hall, @RequestParam(required = false) String counter,
			@RequestParam(required = false) UUID ticket, Model model) {
		CounterPages.Desk desk = desk(clerk, hall, counter, ticket);
		CounterFiling.Filed filed = filing.filed(clerk, id);
		var a = filed.application();
		model.addAttribute("page", new CounterPages.FiledPage(desk, a.id(), a.reference(), filed.matterName(),
				a.applicantName(), a.applicantIdNumber(), a.dueDate()));
		return "application/counter-filed";
	}

	private CounterPages.Desk desk(OneStopUser clerk, String hall, String counter, UUID ticket) {
		return ticket == null ? CounterPages.Desk.of(hall, counter)
				: CounterPages.Desk.of(filing.called(clerk, ticket));
	}

	private CounterPages.FormPage page(OneStopUser clerk, Shell shell, CounterPages.Desk desk, String code,
			String idNumber, Map<String, String> typed, List<UUID> documents, String explanation, String key,
			boolean identityChecked, String readerNumber, boolean consent, Map<String, String> errors,
			List<PrecheckProblem> problems, String banner) {
		CounterFiling.Present present = filing.present(clerk, idNumber);
		FormView form = filing.form(clerk, idNumber, code, desk.ticket());
		Map<String, String> values = new LinkedHashMap<>();
		form.fields().forEach(f -> values.put(f.name(), f.value() == null ? "" : f.value()));
		if (typed != null) {
			typed.forEach((name, value) -> {
				if (values.containsKey(name)
						&& form.fields().stream().anyMatch(f -> f.name().equals(name) && f.source() == null)) {
					values.put(name, value);
				}
			});
		}
		return new CounterPages.FormPage(desk, present, form, values, new LinkedHashSet<>(documents),
				present.documents(), explanation, key, identityChecked, readerNumber, consent, errors,
				problems == null ? List.of() : problems, banner, departmentNames(form, shell.locale()));
	}

	private CounterPages.MatterItem item(Matter matter, Locale locale) {
		String department = matter.definition().department();
		return new CounterPages.MatterItem(matter.code(), matter.definition().name(),
				departments.byCode(department)
					.map(d -> new LocalizedText(d.name(Locale.SIMPLIFIED_CHINESE), d.name(Locale.ENGLISH)))
					.orElse(new LocalizedText(department, department)));
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

}
