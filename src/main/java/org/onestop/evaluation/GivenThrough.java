package org.onestop.evaluation;

/** Where a rating was given: the citizen's own screen, the hall's rating pad, the API. */
public enum GivenThrough {

	/** The citizen's browser on a computer. */
	WEB,
	/** The citizen's browser on a phone. */
	MOBILE_WEB,
	/** The rating pad (评价器) on a counter's second screen. */
	PAD,
	/** A client of {@code /api/v1/ratings}. */
	API

}
