package org.onestop.assistant;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.complaint.Filed;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.EventHub;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The assistant for citizens, signed in (bearer token) or anonymous: the conversation
 * token that the create response returns, sent back in the header
 * {@code X-Conversation-Token} (or the owner key of a browser session the caller already
 * has). A conversation answers only its owner; to everyone else it is 404.
 */
@RestController
class ConversationApiController {

	private final Conversations conversations;

	private final AssistantComplaints complaints;

	private final EventHub hub;

	ConversationApiController(Conversations conversations, AssistantComplaints complaints, EventHub hub) {
		this.conversations = conversations;
		this.complaints = complaints;
		this.hub = hub;
	}

	record MessageRequest(String text) {
	}

	record RatingRequest(Boolean helpful) {
	}

	record CallbackRequest(String slot, String phone) {
	}

	/** {@code description}: what the citizen wrote in the conversation when absent. */
	record ComplaintRequest(String categoryCode, String description) {
	}

	/**
	 * Starts a conversation; an anonymous caller gets its token ({@code {"id","token"}}),
	 * shown this once. Presenting an earlier conversation's token counts the new one
	 * against that device rather than against the address alone.
	 */
	@PostMapping("/api/v1/assistant/conversations")
	ResponseEntity<Conversations.Started> start(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request,
			Locale locale) {
		Conversations.Started started = conversations.start(OwnerKeys.apiAsker(user, request), locale);
		return ResponseEntity.created(URI.create("/api/v1/assistant/conversations/" + started.id())).body(started);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/messages")
	Reply say(Conversation.Asker asker, @PathVariable UUID id, @RequestBody MessageRequest message, Locale locale) {
		return conversations.say(asker, id, message.text(), locale);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/person")
	Reply requestPerson(Conversation.Asker asker, @PathVariable UUID id, Locale locale) {
		return conversations.requestPerson(asker, id, locale);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/offer/accept")
	Reply acceptOffer(Conversation.Asker asker, @PathVariable UUID id, Locale locale) {
		return conversations.acceptOffer(asker, id, locale);
	}

	@GetMapping("/api/v1/assistant/conversations/{id}")
	Transcript transcript(Conversation.Asker asker, @PathVariable UUID id) {
		return conversations.transcript(asker, id);
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/callback")
	ResponseEntity<Callbacks.CallbackTask> callback(Conversation.Asker asker, @PathVariable UUID id,
			@RequestBody CallbackRequest callback, Locale locale) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(conversations.leaveCallback(asker, id, callback.slot(), callback.phone(), locale));
	}

	/**
	 * Files a complaint from the conversation (channel ASSISTANT, the transcript
	 * attached) → 201 {@code {"id","trackingCode","status"}}.
	 */
	@PostMapping("/api/v1/assistant/conversations/{id}/complaint")
	ResponseEntity<Filed> complaint(Conversation.Asker asker, @PathVariable UUID id,
			@RequestBody ComplaintRequest complaint, Locale locale) {
		Filed filed = complaints.file(asker, id, complaint.categoryCode(), complaint.description(), locale);
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + filed.id())).body(filed);
	}

	@GetMapping("/api/v1/assistant/conversations/{id}/events")
	SseEmitter events(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request, @PathVariable UUID id) {
		return hub.subscribe(conversations.events(OwnerKeys.apiAsker(user, request), id));
	}

	@PostMapping("/api/v1/assistant/conversations/{id}/rating")
	ResponseEntity<Void> rate(Conversation.Asker asker, @PathVariable UUID id, @RequestBody RatingRequest rating) {
		conversations.rate(asker, id, rating.helpful());
		return ResponseEntity.noContent().build();
	}

}
