package org.onestop.assistant;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
 * "File a complaint" from a conversation: the prefilled complaint to confirm, with the
 * category to choose; what is wrong is said beside each field. Filed, the citizen returns
 * to the conversation, which shows the tracking code. Only the conversation's owner
 * reaches it (404 otherwise).
 */
@Controller
class AssistantComplaintPageController {

	private final AssistantComplaints complaints;

	AssistantComplaintPageController(AssistantComplaints complaints) {
		this.complaints = complaints;
	}

	@GetMapping("/assistant/{id}/complaint")
	String form(Conversation.Asker asker, @PathVariable UUID id, Locale locale, Model model) {
		AssistantComplaints.Draft draft = complaints.draft(asker, id, locale);
		model.addAttribute("page",
				AssistantPages.ComplaintPage.of(id, draft.categories(), "", draft.description(), Map.of()));
		return "assistant/assistant-complaint";
	}

	@PostMapping("/assistant/{id}/complaint")
	String file(Conversation.Asker asker, @PathVariable UUID id, @RequestParam(defaultValue = "") String categoryCode,
			@RequestParam(defaultValue = "") String description, Locale locale, Model model, RedirectAttributes flash,
			@ModelAttribute("shell") Shell shell) {
		try {
			// An emptied description is an error here, not "what the citizen wrote": the
			// citizen saw the prefilled text and removed it.
			complaints.file(asker, id, categoryCode, description, locale);
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			model.addAttribute("page", AssistantPages.ComplaintPage.of(id, complaints.choices(locale), categoryCode,
					description, shell.errors(refused)));
			return "assistant/assistant-complaint";
		}
		flash.addFlashAttribute(AssistantPageController.NOTICE, "assistant.page.complaint.filed");
		return "redirect:/assistant/" + id + "#latest";
	}

}
