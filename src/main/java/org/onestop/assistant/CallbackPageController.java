package org.onestop.assistant;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.platform.ConflictException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The callback form of a conversation: a slot among the working-hour slots offered, and a
 * phone number; what is wrong is said beside each field. Only the conversation's owner
 * reaches it (404 otherwise).
 */
@Controller
class CallbackPageController {

	private final Conversations conversations;

	private final CallbackSlots slots;

	CallbackPageController(Conversations conversations, CallbackSlots slots) {
		this.conversations = conversations;
		this.slots = slots;
	}

	@GetMapping("/assistant/{id}/callback")
	String callbackForm(Conversation.Asker asker, @PathVariable UUID id, Locale locale, Model model,
			RedirectAttributes flash) {
		conversations.transcript(asker, id);
		if (!conversations.callbackAvailable(id)) {
			return unavailable(id, flash);
		}
		model.addAttribute("page", new AssistantPages.CallbackPage(id, slots.offered(locale), "", "", Map.of()));
		return "assistant/callback";
	}

	@PostMapping("/assistant/{id}/callback")
	String callback(Conversation.Asker asker, @PathVariable UUID id, @RequestParam(defaultValue = "") String slot,
			@RequestParam(defaultValue = "") String phone, Locale locale, Model model, RedirectAttributes flash,
			@ModelAttribute("shell") Shell shell) {
		try {
			conversations.leaveCallback(asker, id, slot, phone, locale);
			return "redirect:/assistant/" + id + "#assistant-state";
		}
		catch (ProblemException refused) {
			// The wait got short, or an agent took the conversation, since the link was
			// shown: not an error page.
			if (refused instanceof ConflictException) {
				return unavailable(id, flash);
			}
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			model.addAttribute("page",
					new AssistantPages.CallbackPage(id, slots.offered(locale), slot, phone, shell.errors(refused)));
			return "assistant/callback";
		}
	}

	private static String unavailable(UUID id, RedirectAttributes flash) {
		flash.addFlashAttribute(AssistantPageController.NOTICE, "assistant.page.callback.unavailable");
		return "redirect:/assistant/" + id + "#assistant-state";
	}

}
