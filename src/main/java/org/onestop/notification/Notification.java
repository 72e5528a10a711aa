package org.onestop.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message as the inbox keeps it, with when it came and when its reader opened it. */
record Notification(UUID id, String recipient, String kind, String subjectKey, List<String> arguments, String link,
		Instant createdAt, Instant readAt) {

	boolean read() {
		return readAt != null;
	}
}
