package org.onestop.notification;

import java.util.Locale;
import java.util.Map;

import org.onestop.notification.NotificationPages.InboxPage;
import org.onestop.platform.PageNumber;
import org.onestop.shared.SignedInUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox, citizen or staff; nobody reaches anyone else's. */
@RestController
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/v1/me/notifications")
	InboxPage list(@AuthenticationPrincipal SignedInUser me, PageNumber page, Locale locale) {
		return inbox.page(me, page.value(), locale);
	}

	@GetMapping("/api/v1/me/notifications/unread-count")
	Map<String, Integer> unread(@AuthenticationPrincipal SignedInUser me) {
		return Map.of("unread", inbox.unreadCount(me.username()));
	}

	@PostMapping("/api/v1/me/notifications/{id}/read")
	ResponseEntity<Void> read(@AuthenticationPrincipal SignedInUser me, @PathVariable String id) {
		inbox.markRead(me, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/me/notifications/read-all")
	ResponseEntity<Void> readAll(@AuthenticationPrincipal SignedInUser me) {
		inbox.markAllRead(me.username());
		return ResponseEntity.noContent().build();
	}

}
