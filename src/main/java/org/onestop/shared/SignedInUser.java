package org.onestop.shared;

/**
 * What every module may know about the person signed in, without depending on the
 * identity module.
 */
public interface SignedInUser {

	String username();

	String displayName();

	/** True for government staff, false for citizens. */
	boolean staff();

	/** The staff member's department code; null for citizens. */
	String department();

}
