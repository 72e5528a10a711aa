package org.onestop.content;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.platform.NotFoundException;
import org.onestop.platform.PageNumber;
import org.onestop.platform.Shell;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Notices for the public: the list by tag, one article with related ones, and the Atom
 * feed.
 */
@Controller
class NoticeController {

	private final Notices notices;

	private final NoticeListBodies listBodies;

	NoticeController(Notices notices, NoticeListBodies listBodies) {
		this.notices = notices;
		this.listBodies = listBodies;
	}

	@GetMapping("/notices")
	String list(@RequestParam(required = false) String tag, PageNumber page, Model model, Locale locale) {
		model.addAttribute("body", listBodies.body(locale, tag, page.value()));
		return "content/notices";
	}

	@GetMapping("/notices/{id}")
	String notice(@PathVariable long id, Model model) {
		Notice notice = notices.publishedNotice(id)
			.orElseThrow(() -> new NotFoundException("content.notice.not-found"));
		model.addAttribute("page", new ContentPages.NoticePage(notice, notices.related(notice, 5)));
		return "content/notice";
	}

	@GetMapping(value = "/notices/feed.atom")
	ResponseEntity<String> feed(HttpServletRequest request, @ModelAttribute("shell") Shell shell) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		String atom = NoticeFeed.atom(base, shell.t("content.feed.title"), notices.published(null, 0, 20).items());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(atom);
	}

}
