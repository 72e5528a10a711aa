package org.onestop.notification;

/**
 * How a message reaches its reader: the OneStop inbox (always kept, the record of what
 * was said), a text to a verified phone, or an e-mail to a verified address.
 */
public enum Channel {

	INBOX, SMS, EMAIL;

	/** The name under {@code notification.channel.*} in the message bundles. */
	public String messageKey() {
		return "notification.channel." + name();
	}

}
