package org.onestop.assistant;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.OneStopUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assistant for citizens, signed in (bearer token) or anonymous (the browser session's owner key). A
 * conversation answers only its owner; to everyone else it is 404.
 */
@RestController
class ConversationApiController {

	private final Conversations conversations;

	ConversationApiController(Conversations conversations) {
		this.conversations = conversations;
	}

	record Started(UUID id) {
	}

	record MessageRequest(String text) {
	}

	record RatingRequest(Boolean helpful) {
	}

	record CallbackRequest(String slot, String phone) {
	}

	@PostMapping("/api/v1/assistant/conversations")
	ResponseEntity<Started> start(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, Locale locale) {
		UUID id = conversations.start(OwnerKeys.asker(user, request, true), locale);
		return ResponseEntity.created(URI.create("/api/v1/assistant/conversations/" + id)).body(new Started(id));
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/messages")
	Reply say(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestBody MessageRequest message, Locale locale) {
		return conversations.say(OwnerKeys.asker(user, request, false), id, message.text(), locale);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/person")
	Reply requestPerson(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, @PathVariable UUID id,
			Locale locale) {
		return conversations.requestPerson(OwnerKeys.asker(user, request, false), id, locale);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/offer/accept")
	Reply acceptOffer(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, @PathVariable UUID id,
			Locale locale) {
		return conversations.acceptOffer(OwnerKeys.asker(user, request, false), id, locale);
	}

	@GetMapping("/api/v1/assistant/conversations/{id}")
	Transcript transcript(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, @PathVariable UUID id) {
		return conversations.transcript(OwnerKeys.asker(user, request, false), id);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/callback")
	ResponseEntity<Callbacks.CallbackTask> callback(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request,
			@PathVariable UUID id, @RequestBody CallbackRequest callback, Locale locale) {
		return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(conversations
			.leaveCallback(OwnerKeys.asker(user, request, false), id, callback.slot(), callback.phone(), locale));
	}

	@GetMapping("/api/v1/assistant/conversations/{id}/events")
	org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(@AuthenticationPrincipal OneStopUser user,
			HttpServletRequest request, @PathVariable UUID id) {
		return conversations.events(OwnerKeys.asker(user, request, false), id);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/rating")
	ResponseEntity<Void> rate(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestBody RatingRequest rating) {
		conversations.rate(OwnerKeys.asker(user, request, false), id, rating.helpful());
		return ResponseEntity.noContent().build();
	}
}
