package org.onestop.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the inbox page and API show; public because the compiled templates read them. */
public final class NotificationPages {

	private NotificationPages() {
	}

	/**
	 * One message as its reader sees it, the subject already in the reader's language.
	 */
	public record NotificationView(UUID id, String kind, String subject, String link, Instant createdAt, boolean read) {
	}

	/** One page of a person's inbox, newest first. */
	public record InboxPage(List<NotificationView> items, int page, int size, long total) {

		public boolean hasNext() {
			return (long) (page + 1) * size < total;
		}

		public String link(int toPage) {
			return toPage == 0 ? "/inbox" : "/inbox?page=" + toPage;
		}

		public boolean anyUnread() {
			return items.stream().anyMatch(n -> !n.read());
		}
	}

}
