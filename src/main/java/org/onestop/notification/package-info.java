/**
 * Every signed-in person's OneStop inbox, citizens and staff alike. Other modules
 * {@link org.onestop.notification.Inbox#send send} a
 * {@link org.onestop.notification.Message} inside their own transaction; the reader sees
 * it in their own language, and the page header shows how many are unread. Beside the
 * inbox copy, an outbox row per channel the person accepts (SMS, e-mail) is written in
 * the same transaction, and dispatchers on every node send those after commit.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "shared", "platform" })
package org.onestop.notification;

import org.springframework.modulith.ApplicationModule;
