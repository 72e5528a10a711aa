package org.onestop.evaluation.cause;

import java.time.LocalDate;
import java.util.List;

/**
 * A department's bad ratings over a period, per matter, with the causes ranked by the
 * share of the matter's bad ratings that carry them.
 *
 * @param from the first day counted (the city's days)
 * @param to the last day counted
 */
record CauseRanking(String department, String departmentName, LocalDate from, LocalDate to, long badRatings,
		List<MatterCauses> matters) {

	/** Fewer bad ratings than this and a matter's shares are shown but not ranked. */
	static final int FEWEST_TO_RANK = 5;

	/**
	 * @param serviceCode empty for services not tied to one matter (a complaint, a
	 * walk-in visit)
	 * @param name the matter's name, without its code
	 * @param link the matter's page, or null
	 * @param tooFew fewer than {@link #FEWEST_TO_RANK} bad ratings: too few to rank
	 */
	record MatterCauses(String serviceCode, String name, String link, long badRatings, boolean tooFew,
			List<RankedCause> causes) {
	}

	/**
	 * @param key what the cause points at: a rule {@code <table>:<rule>}, a hall, an item
	 * asked for, a ticked reason's code
	 * @param label what it is, in the reader's language, without codes
	 * @param reference the code an editor knows it by (a rule's code and its decision
	 * table), or null
	 * @param link where it is produced: the rule's matter in the catalogue editor, the
	 * hall, the matter's page; null when nowhere
	 * @param ratings how many of the matter's bad ratings carry it
	 * @param share {@code ratings} of the matter's bad ratings, between 0 and 1
	 */
	record RankedCause(String kind, String key, String label, String reference, String link, long ratings,
			double share) {
	}

}
