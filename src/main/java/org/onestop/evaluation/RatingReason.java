package org.onestop.evaluation;

/**
 * A reason a citizen may tick (table {@code rating_reason}); its name is in the message
 * bundles under {@code evaluation.reason.<code>}.
 *
 * @param praise offered with 满意 and 非常满意 (levels 4-5); otherwise with 基本满意 and below
 * (levels 1-3)
 */
public record RatingReason(String code, boolean praise) {

	/** The message key of its name. */
	public String key() {
		return "evaluation.reason." + code;
	}

	/** Whether it may go with a rating of that level. */
	public boolean fits(int level) {
		return praise ? level >= 4 : level <= 3;
	}

}
