package org.onestop.notification;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The OneStop inbox: the message is stored, in the sender's transaction, for the reader
 * to see when signed in.
 */
@Component
class InboxChannel implements Channel {

	private final NotificationStore notifications;

	InboxChannel(NotificationStore notifications) {
		this.notifications = notifications;
	}

	@Override
	public void deliver(UUID id, Message message, Instant at) {
		notifications.add(id, message, at);
	}

}
