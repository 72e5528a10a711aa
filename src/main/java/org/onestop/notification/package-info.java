/**
 * Every signed-in person's OneStop inbox, citizens and staff alike. Other modules
 * {@link org.onestop.notification.Inbox#send send} a
 * {@link org.onestop.notification.Message} inside their own transaction; the reader sees
 * it in their own language, and the page header shows how many are unread. E-mail and SMS
 * will be further channels beside the inbox.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "shared", "platform" })
package org.onestop.notification;

import org.springframework.modulith.ApplicationModule;
