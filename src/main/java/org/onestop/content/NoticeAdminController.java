package org.onestop.content;

import java.util.Arrays;
import java.util.List;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
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

/** Editors write, publish and withdraw notices. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CONTENT_EDITOR')")
class NoticeAdminController {

	private final Notices notices;

	NoticeAdminController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/admin/notices")
	String list(Model model) {
		model.addAttribute("page", new ContentPages.NoticeAdminPage(notices.all()));
		return "content/admin-notices";
	}

	@GetMapping("/admin/notices/new")
	String blank(Model model) {
		model.addAttribute("page", ContentPages.NoticeEditPage.blank());
		return "content/admin-notice-edit";
	}

	@GetMapping("/admin/notices/{id}")
	String edit(@PathVariable long id, Model model) {
		Notice notice = notices.find(id).orElseThrow(() -> new NotFoundException("content.notice.not-found"));
		model.addAttribute("page", ContentPages.NoticeEditPage.of(notice));
		return "content/admin-notice-edit";
	}

	/**
	 * Refused input is shown again beside its fields; an unknown notice is still a 404.
	 */
	@PostMapping({ "/admin/notices", "/admin/notices/{id}" })
	String save(@PathVariable(required = false) Long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "DRAFT") Notice.Status status,
			@AuthenticationPrincipal SignedInUser editor, Model model, @ModelAttribute("shell") Shell shell) {
		List<String> tagList = Arrays.stream(tags.split("[,，]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		NoticeForm form = new NoticeForm(title, summary, body, tagList, null, status);
		try {
			Notice saved = id == null ? notices.create(editor.username(), editor.displayName(), form)
					: notices.update(editor.username(), id, form);
			return "redirect:/admin/notices?saved=" + saved.id();
		}
		catch (InvalidInputException refusal) {
			model.addAttribute("page", new ContentPages.NoticeEditPage(id, form, tags, shell.errors(refusal, "title")));
			return "content/admin-notice-edit";
		}
	}

}
