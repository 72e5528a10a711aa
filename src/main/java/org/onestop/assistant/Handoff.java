package org.onestop.assistant;

/** Where a conversation stands between the assistant and a person. */
enum Handoff {

	/** The assistant answers. */
	NONE,
	/**
	 * A person was offered (after two unconfident replies, a complaint or distress); one
	 * "yes" accepts.
	 */
	OFFERED,
	/** Waiting for an agent of the pool, with a position and an estimated wait. */
	QUEUED,
	/** An agent took the conversation over. */
	CONNECTED,
	/** Nobody is on duty, or the wait is long: a callback at a chosen time is offered. */
	CALLBACK_OFFERED,
	/** A callback is booked: an agent calls the citizen back at the chosen slot. */
	CALLBACK_SCHEDULED,
	/** The agent ended the conversation, or the citizen rated it. */
	ENDED

}
