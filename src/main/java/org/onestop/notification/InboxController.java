package org.onestop.notification;

import java.util.Locale;

import org.onestop.platform.PageNumber;
import org.onestop.shared.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The inbox page: the person's messages, newest first; opening one marks it read and
 * follows its link.
 */
@Controller
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	String inbox(@AuthenticationPrincipal SignedInUser me, PageNumber page, Locale locale, Model model) {
		model.addAttribute("page", inbox.page(me, page.value(), locale));
		return "notification/inbox";
	}

	@PostMapping("/inbox/{id}/open")
	RedirectView open(@AuthenticationPrincipal SignedInUser me, @PathVariable String id) {
		Notification opened = inbox.markRead(me, id);
		return redirect(opened.link() == null ? "/inbox" : opened.link());
	}

	@PostMapping("/inbox/read-all")
	RedirectView readAll(@AuthenticationPrincipal SignedInUser me) {
		inbox.markAllRead(me.username());
		return redirect("/inbox");
	}

	/**
	 * The link as it was sent: braces in it are not placeholders, and the model is not
	 * added to it.
	 */
	private static RedirectView redirect(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		return view;
	}

}
