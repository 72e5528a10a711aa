package org.onestop.shared;

/**
 * An event that must leave a trace in the audit log. Modules publish their own past-tense
 * event records implementing this; the audit module records them in the publisher's
 * transaction, so an action never commits without its entry.
 */
public interface AuditableEvent {

	/** Username of whoever acted, or {@code anonymous} / {@code system}. */
	String actor();

	/** Dotted action name, such as {@code identity.citizen.registered}. */
	String action();

	/**
	 * What was acted upon, such as {@code account:li.na} or
	 * {@code resident:110101199003071233}. The full ID number is kept here on purpose, so
	 * that a citizen's entries can be found; summaries mask it.
	 */
	String subject();

	/** One line for a human reader; never a password, and ID numbers masked. */
	String summary();

}
