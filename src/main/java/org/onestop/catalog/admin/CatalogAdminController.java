package org.onestop.catalog.admin;

import java.security.Principal;
import java.util.Map;

import org.onestop.appointment.ServiceHalls;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.identity.Departments;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editors' pages for matters: the overview, the editor (each save a new draft version),
 * publish, withdraw.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CONTENT_EDITOR')")
class CatalogAdminController {

	private final Catalog catalog;

	private final Departments departments;

	private final ServiceHalls halls;

	CatalogAdminController(Catalog catalog, Departments departments, ServiceHalls halls) {
		this.catalog = catalog;
		this.departments = departments;
		this.halls = halls;
	}

	@GetMapping("/admin/catalog")
	String overview(Model model) {
		model.addAttribute("page", new CatalogAdminPages.EditorialPage(catalog.editorial()));
		return "catalog/admin-catalog";
	}

	@GetMapping("/admin/catalog/new")
	String blank(Model model) {
		return editor(model, null, MatterForm.blank(), Map.of());
	}

	@GetMapping("/admin/catalog/{code}")
	String edit(@PathVariable String code, Model model) {
		Matter latest = catalog.latest(code).orElseThrow(() -> new NotFoundException("catalog.matter.not-found"));
		return editor(model, code, MatterForm.of(latest.definition()), Map.of());
	}

	@PostMapping({ "/admin/catalog", "/admin/catalog/{code}" })
	String save(@PathVariable(required = false) String code, MatterForm form, Principal editor, Model model,
			@ModelAttribute("shell") Shell shell) {
		MatterForm submitted = code == null ? form : form.withCode(code);
		try {
			int version = catalog.save(editor.getName(), submitted.toDefinition());
			return "redirect:/admin/catalog?saved=" + submitted.code() + "&version=" + version;
		}
		catch (ProblemException refusal) {
			return editor(model, code, submitted, shell.errors(refusal, "code"));
		}
	}

	@PostMapping("/admin/catalog/{code}/publish")
	String publish(@PathVariable String code, @RequestParam int version, Principal editor) {
		catalog.publish(editor.getName(), code, version);
		return "redirect:/admin/catalog?published=" + code;
	}

	@PostMapping("/admin/catalog/{code}/withdraw")
	String withdraw(@PathVariable String code, Principal editor) {
		catalog.withdraw(editor.getName(), code);
		return "redirect:/admin/catalog?withdrawn=" + code;
	}

	private String editor(Model model, String code, MatterForm form, Map<String, String> errors) {
		model.addAttribute("page", CatalogAdminPages.MatterEditPage.of(code, form, errors, departments.all(),
				catalog.lifeEvents(), halls.all()));
		return "catalog/admin-matter-edit";
	}

}
