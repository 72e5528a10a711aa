package org.onestop.evaluation;

/** The kinds of finished service a citizen may rate: one rating per service event. */
public enum SubjectType {

	/** An application decided (approved or rejected). */
	APPLICATION,
	/** A counter visit completed (a hall ticket served). */
	TICKET,
	/** An appointment kept (checked in and served). */
	APPOINTMENT,
	/** An assistant or agent conversation ended. */
	CONVERSATION,
	/** A complaint replied. */
	COMPLAINT

}
