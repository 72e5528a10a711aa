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

		/**
		 * The message key naming what the message is about, read from where it links
		 * ("view the application", "view the ticket"); null when it links nowhere.
		 */
		public String aboutKey() {
			if (link == null) {
				return null;
			}
			String path = link.split("[?#]", 2)[0];
			String about;
			if (path.startsWith("/applications/")) {
				about = "application";
			}
			else if (path.startsWith("/tickets/")) {
				about = "ticket";
			}
			else if (path.startsWith("/appointments")) {
				about = "appointment";
			}
			else if (path.startsWith("/complaints/") || path.startsWith("/staff/complaints/")
					|| path.startsWith("/staff/dispatch/")) {
				about = "complaint";
			}
			else if (path.startsWith("/verify/") || path.startsWith("/account/documents")) {
				about = "certificate";
			}
			else if (path.startsWith("/staff/tasks")) {
				about = "task";
			}
			else {
				about = "other";
			}
			return "notification.inbox.about." + about;
		}
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
