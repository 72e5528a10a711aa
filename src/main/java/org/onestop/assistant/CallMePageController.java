package org.onestop.assistant;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "call me back" button of every form page (the layout shows it; {@code Shell} says
 * where): plain GET and POST forms, so that it works without JavaScript. The page the
 * citizen came from travels with the form and is recorded with the callback.
 */
@Controller
class CallMePageController {

	static final String DONE = "callMeDone";

	private final CallMe callMe;

	private final CallbackSlots slots;

	CallMePageController(CallMe callMe, CallbackSlots slots) {
		this.callMe = callMe;
		this.slots = slots;
	}

	@GetMapping("/assistant/call-me")
	String form(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request,
			@RequestParam(defaultValue = "/") String from, @RequestParam(defaultValue = "") String title, Locale locale,
			Model model) {
		Callbacks.FromPage page = CallMe.page(from, title);
		model.addAttribute("page", new AssistantPages.CallMePage(page.path(), page.title(), slots.offered(locale), "",
				callMe.maskedPhoneOnFile(OwnerKeys.asker(user, request, false)).orElse(null), "", Map.of()));
		return "assistant/call-me";
	}

	@PostMapping("/assistant/call-me")
	String request(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request,
			@RequestParam(defaultValue = "/") String from, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String slot, @RequestParam(defaultValue = "") String phone, Locale locale,
			Model model, RedirectAttributes flash, @ModelAttribute("shell") Shell shell) {
		Conversation.Asker asker = OwnerKeys.asker(user, request, true);
		try {
			CallMe.Booked booked = callMe.request(asker, from, title, slot, phone, locale);
			request.getSession().setAttribute(AssistantPageController.CURRENT, booked.conversation().toString());
			flash.addFlashAttribute(DONE, new AssistantPages.CallMeDone(booked.slot(), booked.maskedPhone(),
					booked.from().path(), booked.from().title()));
			return "redirect:/assistant/call-me/done";
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			Callbacks.FromPage page = CallMe.page(from, title);
			model.addAttribute("page", new AssistantPages.CallMePage(page.path(), page.title(), slots.offered(locale),
					slot, callMe.maskedPhoneOnFile(asker).orElse(null), phone, shell.errors(refused)));
			return "assistant/call-me";
		}
	}

	@GetMapping("/assistant/call-me/done")
	String done(Model model) {
		if (!(model.getAttribute(DONE) instanceof AssistantPages.CallMeDone)) {
			return "redirect:/assistant";
		}
		return "assistant/call-me-done";
	}

}
