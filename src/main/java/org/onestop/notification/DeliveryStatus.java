package org.onestop.notification;

/**
 * Where an outbox row stands, after GOV.UK Notify's statuses. {@link #SENDING} covers
 * both a row claimed by a dispatcher and a text handed to the provider that has not
 * reported back.
 */
public enum DeliveryStatus {

	/** Written with the message, waiting for a dispatcher (or for quiet hours to end). */
	CREATED,
	/** Claimed by a dispatcher, or accepted by the provider and awaiting its receipt. */
	SENDING,
	/**
	 * The provider (or, for e-mail, the SMTP relay) took it for good; an inbox row at
	 * once.
	 */
	DELIVERED,
	/**
	 * Failed in a way that may pass; tried again with back-off until the tries run out.
	 */
	TEMPORARY_FAILURE,
	/**
	 * The provider refused it for good (a number that does not exist), or the tries ran
	 * out.
	 */
	PERMANENT_FAILURE,
	/** Our own fault (a template that cannot be rendered, a provider misconfigured). */
	TECHNICAL_FAILURE,
	/**
	 * No provider is configured for the channel (the demo): shown in the outbox viewer,
	 * not sent.
	 */
	NOT_CONFIGURED,
	/** Not sent by rule: the daily SMS limit was reached. The inbox copy stands. */
	WITHHELD;

	/** No dispatcher will touch the row again. */
	public boolean isFinal() {
		return this != CREATED && this != SENDING && this != TEMPORARY_FAILURE;
	}

}
