package org.onestop.notification;

/**
 * What a message is about, as a citizen chooses channels for it: one choice per topic
 * rather than per message kind, of which there are dozens. {@link #DECISIONS} (supplement
 * requests, decisions and deadlines) must keep at least one channel beyond the inbox.
 */
public enum Topic {

	DECISIONS, HALL_QUEUE, APPOINTMENTS, CALLBACKS, COMPLAINTS, RATINGS, MANDATES, ACCOUNT,
	/**
	 * One-time codes: always by SMS (or e-mail for an address being verified), never
	 * optional.
	 */
	CODES,
	/** Work for staff: inbox only. */
	STAFF_WORK;

	public String messageKey() {
		return "notification.topic." + name();
	}

	/** Whether a citizen may turn the channels of this topic off. */
	public boolean optional() {
		return this != CODES && this != STAFF_WORK;
	}

}
