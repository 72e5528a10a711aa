package org.onestop.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onestop.platform.PageNumber;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery statuses per message, for administrators: each outbox row's channel, template,
 * status, tries and times. Addresses are masked and texts left out (the viewer page shows
 * them).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class OutboxApiController {

	private final OutboxViewer viewer;

	OutboxApiController(OutboxViewer viewer) {
		this.viewer = viewer;
	}

	/**
	 * @param channel INBOX, SMS or EMAIL
	 * @param template the message kind's template name
	 * @param address masked: 138****0000, w***@example.com
	 * @param failure the provider's (or our) words on the last failure
	 */
	record Item(UUID id, Channel channel, String template, String recipient, String address, DeliveryStatus status,
			int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant deliveredAt,
			Instant updatedAt, String provider, String failure) {
	}

	/**
	 * @param hasNext whether another page follows
	 */
	record Items(List<Item> items, int page, int size, boolean hasNext) {
	}

	/**
	 * Newest first, {@value OutboxViewer#PAGE_SIZE} a page.
	 * @param recipient a username or an address (phone or e-mail), exactly
	 * @param status one of {@link DeliveryStatus}; anything else is refused (400)
	 */
	@GetMapping("/api/v1/admin/outbox")
	Items outbox(@RequestParam(required = false) String recipient, @RequestParam(required = false) String status,
			PageNumber page) {
		OutboxViewer.Listing listing = viewer.list(OutboxViewer.Filter.parse(recipient, status), page.value());
		return new Items(listing.rows()
			.stream()
			.map(r -> new Item(r.id(), r.channel(), r.template(), r.recipient(), OutboxViewer.mask(r.address()),
					r.status(), r.attempts(), r.createdAt(), r.nextAttemptAt(), r.sentAt(), r.deliveredAt(),
					r.updatedAt(), r.provider(), r.failure()))
			.toList(), page.value(), OutboxViewer.PAGE_SIZE, listing.hasNext());
	}

}
