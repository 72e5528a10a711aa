package org.onestop.evaluation;

/**
 * What a cause of a rating points at (table {@code rating_cause}); each links to the
 * rule, matter or hall that produces it.
 */
public enum CauseKind {

	/** A DMN rule that fired in the pre-check; key {@code <decision table>:<rule id>}. */
	RULE,
	/** The matter and its version; key the service code, detail {@code version}. */
	MATTER,
	/** A supplement the department asked for; key the item asked for. */
	SUPPLEMENT,
	/** A rejection; key the outcome's reason code, or {@code text}. */
	REJECTION,
	/**
	 * Trips to a hall; key {@code over-max} when more than the matter allows, else
	 * {@code count}.
	 */
	TRIPS,
	/** A wait at a hall; key the hall's code, detail {@code minutes}. */
	WAIT,
	/** Being passed from one person or department to another; key what handed over. */
	HANDOFF,
	/** A reason the citizen ticked; key its code. */
	REASON

}
