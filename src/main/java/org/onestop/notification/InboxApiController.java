package org.onestop.notification;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.notification.NotificationPages.InboxPage;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.NotFoundException;
import org.onestop.shared.SignedInUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox, citizen or staff; nobody reaches anyone else's. */
@RestController
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/v1/me/notifications")
	InboxPage list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "0") String page, Locale locale) {
		return inbox.page(me.username(), pageNumber(page), locale);
	}

	@GetMapping("/api/v1/me/notifications/unread-count")
	Map<String, Integer> unread(@AuthenticationPrincipal SignedInUser me) {
		return Map.of("unread", inbox.unreadCount(me.username()));
	}

	@PostMapping("/api/v1/me/notifications/{id}/read")
	ResponseEntity<Void> read(@AuthenticationPrincipal SignedInUser me, @PathVariable String id) {
		inbox.markRead(me.username(), id(id)).orElseThrow(InboxApiController::notFound);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/me/notifications/read-all")
	ResponseEntity<Void> readAll(@AuthenticationPrincipal SignedInUser me) {
		inbox.markAllRead(me.username());
		return ResponseEntity.noContent().build();
	}

	/** The id from the path; one that is not even a UUID is as unknown as someone else's. */
	static UUID id(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw notFound();
		}
	}

	/** The same answer for an unknown message and for another person's, so that neither can be told apart. */
	static ProblemException notFound() {
		return new NotFoundException("notification.not-found");
	}

	static int pageNumber(String page) {
		try {
			int n = Integer.parseInt(page.strip());
			if (n >= 0 && n <= 10_000) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidInputException("page", "notification.page.invalid");
	}
}
