package org.onestop.identity.code;

/** What a one-time code proves the holder of a verified phone wants to do. */
public enum CodePurpose {

	/** Confirm a new citizen account; the subject is the resident's ID number. */
	REGISTRATION,
	/** Unlock one's own sign-in from one's own address; the subject is the username. */
	UNLOCK,
	/**
	 * Set a new password without the old one; the subject is what the person typed (a
	 * username or a phone number), and the code vouches for the account's username.
	 */
	PASSWORD_RESET,
	/**
	 * Verify a new phone before it becomes the account's; the subject is the username.
	 */
	PHONE_CHANGE

}
