package org.onestop.catalog.admin;

import java.security.Principal;
import java.util.Map;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.LifeEvent;
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

/** Editors' pages for life events: their names, matters in order, and the bundle. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CONTENT_EDITOR')")
class LifeEventAdminController {

	private final Catalog catalog;

	LifeEventAdminController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/admin/catalog/life-events")
	String list(Model model) {
		model.addAttribute("page", new CatalogAdminPages.LifeEventAdminPage(catalog.lifeEvents()));
		return "catalog/admin-life-events";
	}

	@GetMapping("/admin/catalog/life-events/new")
	String blank(Model model) {
		return editor(model, null, LifeEventForm.blank(), Map.of());
	}

	@GetMapping("/admin/catalog/life-events/{code}")
	String edit(@PathVariable String code, Model model) {
		LifeEvent event = catalog.lifeEvent(code)
			.orElseThrow(() -> new NotFoundException("catalog.life-event.not-found"));
		return editor(model, code, LifeEventForm.of(event), Map.of());
	}

	@PostMapping({ "/admin/catalog/life-events", "/admin/catalog/life-events/{code}" })
	String save(@PathVariable(required = false) String code, LifeEventForm form, Principal editor, Model model,
			@ModelAttribute("shell") Shell shell) {
		LifeEventForm submitted = code == null ? form : form.withCode(code);
		try {
			catalog.saveLifeEvent(editor.getName(), submitted.toLifeEvent());
			return "redirect:/admin/catalog/life-events?saved=" + submitted.code();
		}
		catch (ProblemException refusal) {
			return editor(model, code, submitted, shell.errors(refusal, "code"));
		}
	}

	private String editor(Model model, String code, LifeEventForm form, Map<String, String> errors) {
		model.addAttribute("page", new CatalogAdminPages.LifeEventEditPage(code, form, errors));
		return "catalog/admin-life-event-edit";
	}

}
