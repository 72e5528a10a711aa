package org.onestop.identity.code;

/** What a one-time code proves the holder of a verified phone wants to do. */
public enum CodePurpose {

	/** Confirm a new citizen account; the subject is the resident's ID number. */
	REGISTRATION,
	/** Unlock one's own sign-in from one's own address; the subject is the username. */
	UNLOCK

}
