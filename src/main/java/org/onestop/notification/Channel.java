package org.onestop.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One way a message reaches its reader. Only the inbox exists today; e-mail and SMS will
 * be further channels, which is why this interface has one implementation. A channel that
 * leaves the building should deliver after the sender's transaction commits, so that
 * nobody is told of something that was then rolled back.
 */
interface Channel {

	void deliver(UUID id, Message message, Instant at);

}
