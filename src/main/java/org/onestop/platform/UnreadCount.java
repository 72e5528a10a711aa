package org.onestop.platform;

/**
 * The number beside the inbox link in every page's header. The notification module keeps
 * the inbox and implements this; platform only asks, so that it depends on no business
 * module.
 */
public interface UnreadCount {

	/**
	 * How many of this person's messages are unread: one cheap query, for every page they
	 * open.
	 */
	int unreadCount(String username);

}
