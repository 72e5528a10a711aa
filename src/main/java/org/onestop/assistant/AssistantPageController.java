package org.onestop.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.EventHub;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assistant for citizens, signed in or not, as one page: plain form posts that
 * redirect back without JavaScript; with htmx a post answers with only what changed (new
 * lines, the handoff, the buttons). The facade checks ownership (404 to anyone else);
 * this class only shapes pages.
 */
@Controller
class AssistantPageController {

	/**
	 * The browser session's current conversation, so that the header link returns to it.
	 */
	static final String CURRENT = "onestop.assistant.current";

	/**
	 * A flash attribute: the message key of a short notice shown above the conversation.
	 */
	static final String NOTICE = "notice";

	private final Conversations conversations;

	private final EventHub hub;

	AssistantPageController(Conversations conversations, EventHub hub) {
		this.conversations = conversations;
		this.hub = hub;
	}

	@GetMapping("/assistant")
	String start(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, Model model) {
		UUID current = current(request);
		if (current != null) {
			try {
				if (conversations.transcript(OwnerKeys.asker(user, request, false), current)
					.handoff()
					.state() != Handoff.ENDED) {
					return "redirect:/assistant/" + current;
				}
			}
			catch (ProblemException gone) {
				request.getSession().removeAttribute(CURRENT);
			}
		}
		model.addAttribute("page", new AssistantPages.StartPage("", Map.of()));
		return "assistant/start";
	}

	@PostMapping("/assistant")
	String ask(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request,
			@RequestParam(defaultValue = "") String text, Locale locale, Model model, RedirectAttributes flash,
			@ModelAttribute("shell") Shell shell) {
		// Checked before a conversation exists, so that a refused text neither leaves an
		// empty one nor counts
		// against the hourly limit; the facade checks it again.
		try {
			Conversations.checked(text);
			UUID id = openOrBegin(user, request, locale);
			return replied(id, conversations.say(OwnerKeys.asker(user, request, false), id, text, locale), flash);
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			model.addAttribute("page", new AssistantPages.StartPage(text, shell.errors(refused)));
			return "assistant/start";
		}
	}

	@PostMapping("/assistant/person")
	String person(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, Locale locale,
			RedirectAttributes flash) {
		UUID id = openOrBegin(user, request, locale);
		return replied(id, conversations.requestPerson(OwnerKeys.asker(user, request, false), id, locale), flash);
	}

	@GetMapping("/assistant/{id}")
	String conversation(Conversation.Asker asker, @PathVariable UUID id, Model model) {
		Transcript transcript = conversations.transcript(asker, id);
		List<AssistantPages.ActionLink> actions = flashed(model);
		Object notice = model.getAttribute(NOTICE);
		model.addAttribute("page", AssistantPages.ConversationPage.of(transcript, conversations.callbackAvailable(id),
				actions, "", Map.of(), notice instanceof String key ? key : null));
		return "assistant/conversation";
	}

	@PostMapping("/assistant/{id}/messages")
	String say(Conversation.Asker asker, @PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			AssistantPages.Cursor cursor, Locale locale, Model model, RedirectAttributes flash,
			@ModelAttribute("shell") Shell shell) {
		return respond(asker, id, cursor, text, model, flash, shell, () -> conversations.say(asker, id, text, locale));
	}

	/** The "talk to a person" button: the same as typing it. */
	@PostMapping("/assistant/{id}/person")
	String requestPerson(Conversation.Asker asker, @PathVariable UUID id, AssistantPages.Cursor cursor, Locale locale,
			Model model, RedirectAttributes flash, @ModelAttribute("shell") Shell shell) {
		return respond(asker, id, cursor, "", model, flash, shell,
				() -> conversations.requestPerson(asker, id, locale));
	}

	@PostMapping("/assistant/{id}/offer/accept")
	String acceptOffer(Conversation.Asker asker, @PathVariable UUID id, AssistantPages.Cursor cursor, Locale locale,
			Model model, RedirectAttributes flash, @ModelAttribute("shell") Shell shell) {
		return respond(asker, id, cursor, "", model, flash, shell, () -> conversations.acceptOffer(asker, id, locale));
	}

	/**
	 * What came after the given line, for live updates; the handoff only when it changed.
	 */
	@GetMapping("/assistant/{id}/updates")
	String updates(Conversation.Asker asker, @PathVariable UUID id, AssistantPages.Cursor cursor, Model model) {
		return updates(asker, id, new AssistantPages.Cursor(cursor.after(), cursor.state(), true), null, "", Map.of(),
				model);
	}

	/**
	 * Live updates (server-sent events: handoff, message); listening keeps a queued
	 * citizen's place.
	 */
	@GetMapping(value = "/assistant/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, @PathVariable UUID id) {
		return hub.subscribe(conversations.events(OwnerKeys.asker(user, request, false), id));
	}

	@PostMapping("/assistant/{id}/rating")
	String rate(Conversation.Asker asker, @PathVariable UUID id, @RequestParam(required = false) Boolean helpful) {
		conversations.rate(asker, id, helpful);
		return "redirect:/assistant/" + id + "#outcome";
	}

	private String respond(Conversation.Asker asker, UUID id, AssistantPages.Cursor cursor, String text, Model model,
			RedirectAttributes flash, Shell shell, Supplier<Reply> act) {
		Reply reply;
		try {
			reply = act.get();
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			if (cursor.htmx()) {
				return updates(asker, id, cursor, List.of(), text, shell.errors(refused), model);
			}
			model.addAttribute("page", AssistantPages.ConversationPage.of(conversations.transcript(asker, id),
					conversations.callbackAvailable(id), List.of(), text, shell.errors(refused), null));
			return "assistant/conversation";
		}
		if (cursor.htmx()) {
			return updates(asker, id, cursor, AssistantPages.ActionLink.of(reply), "", Map.of(), model);
		}
		return replied(id, reply, flash);
	}

	private String updates(Conversation.Asker asker, UUID id, AssistantPages.Cursor cursor,
			List<AssistantPages.ActionLink> actions, String text, Map<String, String> errors, Model model) {
		Transcript t = conversations.transcript(asker, id);
		List<AssistantPages.LineView> lines = AssistantPages.LineView.of(t.messages())
			.stream()
			.filter(l -> l.id() > cursor.after())
			.toList();
		long last = lines.isEmpty() ? cursor.after() : lines.get(lines.size() - 1).id();
		AssistantPages.StateView state = AssistantPages.StateView.of(t, conversations.callbackAvailable(id));
		model.addAttribute("page", new AssistantPages.Updates(id, lines, last, state,
				!state.key().equals(cursor.state()), actions != null, actions, text, errors));
		return "assistant/updates";
	}

	/**
	 * The session's conversation while it is open, so that a new question or a request
	 * joins it; else a new one.
	 */
	private UUID openOrBegin(OneStopUser user, HttpServletRequest request, Locale locale) {
		UUID current = current(request);
		if (current != null && open(user, request, current)) {
			return current;
		}
		UUID id = conversations.start(OwnerKeys.asker(user, request, true), locale).id();
		request.getSession().setAttribute(CURRENT, id.toString());
		return id;
	}

	private boolean open(OneStopUser user, HttpServletRequest request, UUID id) {
		try {
			return conversations.transcript(OwnerKeys.asker(user, request, false), id)
				.handoff()
				.state() != Handoff.ENDED;
		}
		catch (ProblemException gone) {
			return false;
		}
	}

	private static String replied(UUID id, Reply reply, RedirectAttributes flash) {
		flash.addFlashAttribute("actions", AssistantPages.ActionLink.of(reply));
		return "redirect:/assistant/" + id + "#latest";
	}

	@SuppressWarnings("unchecked")
	private static List<AssistantPages.ActionLink> flashed(Model model) {
		Object actions = model.getAttribute("actions");
		return actions instanceof List<?> list ? (List<AssistantPages.ActionLink>) list : List.of();
	}

	private static UUID current(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object id = session == null ? null : session.getAttribute(CURRENT);
		try {
			return id == null ? null : UUID.fromString(id.toString());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
