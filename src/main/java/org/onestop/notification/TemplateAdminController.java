package org.onestop.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.notification.TemplatePages.EditPage;
import org.onestop.notification.TemplatePages.KindSummary;
import org.onestop.notification.TemplatePages.ListPage;
import org.onestop.notification.TemplatePages.TemplateView;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.shared.SignedInUser;
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
 * Administrators' pages for message templates: every kind by topic, and one template's
 * form with a preview in both languages. Previewing never saves; a refused save or a
 * stale version is said beside the field.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TemplateAdminController {

	private static final String EDIT = "notification/admin-template-edit";

	private final TemplateAdministration administration;

	TemplateAdminController(TemplateAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/admin/notifications/templates")
	String list(@RequestParam(required = false) String saved, Model model) {
		List<KindSummary> all = administration.list();
		Map<Topic, List<KindSummary>> byTopic = new LinkedHashMap<>();
		for (Topic topic : Topic.values()) {
			List<KindSummary> kinds = all.stream().filter(k -> k.topic() == topic).toList();
			if (!kinds.isEmpty()) {
				byTopic.put(topic, kinds);
			}
		}
		model.addAttribute("page", new ListPage(byTopic, saved));
		return "notification/admin-templates";
	}

	@GetMapping("/admin/notifications/templates/{template}/{channel}/{language}")
	String edit(@PathVariable String template, @PathVariable String channel, @PathVariable String language,
			Model model) {
		TemplateView view = administration.find(template, channel, language);
		List<TemplatePages.Preview> previews = view.version() == 0 ? List.of()
				: administration.preview(template, channel, language, draft(view));
		model.addAttribute("page", new EditPage(view, Map.of(), previews));
		return EDIT;
	}

	@PostMapping("/admin/notifications/templates/{template}/{channel}/{language}")
	String save(@PathVariable String template, @PathVariable String channel, @PathVariable String language,
			@RequestParam(defaultValue = "0") int version, @RequestParam(required = false) String subject,
			@RequestParam(defaultValue = "") String body, @RequestParam(required = false) String htmlBody,
			@RequestParam(required = false) String providerTemplateCode,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal SignedInUser admin,
			@ModelAttribute("shell") Shell shell, Model model) {
		TemplateView kept = administration.find(template, channel, language);
		TemplateDraft draft = new TemplateDraft(subject, body, htmlBody, providerTemplateCode);
		TemplateView typed = new TemplateView(template, kept.channel(), kept.language(), kept.topic(), kept.fields(),
				draft.subject(), draft.body(), draft.htmlBody(), draft.providerTemplateCode(), version,
				kept.updatedBy(), kept.updatedAt());
		try {
			if ("preview".equals(action)) {
				model.addAttribute("page",
						new EditPage(typed, Map.of(), administration.preview(template, channel, language, draft)));
				return EDIT;
			}
			administration.save(admin.username(), template, channel, language, version, draft);
			return "redirect:/admin/notifications/templates?saved=1";
		}
		catch (ProblemException refusal) {
			model.addAttribute("page", new EditPage(typed, shell.errors(refusal, "body"), List.of()));
			return EDIT;
		}
	}

	private static TemplateDraft draft(TemplateView view) {
		return new TemplateDraft(view.subject(), view.body(), view.htmlBody(), view.providerTemplateCode());
	}

}
