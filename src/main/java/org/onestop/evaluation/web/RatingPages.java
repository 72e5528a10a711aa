package org.onestop.evaluation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onestop.evaluation.RatingReason;

/**
 * What the rating pages show, one record per page (public only because the templates read
 * them). Levels go from 5 (非常满意) down to 1 (非常不满意), the national order.
 */
public final class RatingPages {

	/** The five levels in the order the form lists them. */
	public static final List<Integer> LEVELS = List.of(5, 4, 3, 2, 1);

	/** The longest comment, as the form's character count says it. */
	public static final int MAX_COMMENT = 1000;

	private RatingPages() {
	}

	/** The message key of a level's national name. */
	public static String levelKey(int level) {
		return "evaluation.level." + level;
	}

	/** A service waiting for its rating. */
	public record PendingRow(String service, String kindKey, Instant finishedAt, String rateLink) {
	}

	/** A rating given. */
	public record RatingRow(String service, String kindKey, int level, Instant createdAt, String link) {
	}

	/** {@code /ratings}: what waits for a rating, and the ratings given. */
	public record ListPage(List<PendingRow> pending, List<RatingRow> ratings) {
	}

	/**
	 * What the form holds: as typed, so that a refused form comes back as it was sent.
	 */
	public record Form(String level, List<String> reasons, String comment) {

		public static final Form EMPTY = new Form("", List.of(), "");

		public boolean ticked(String reason) {
			return reasons.contains(reason);
		}

	}

	/**
	 * The rating form, for a first rating ({@code ratingId} null) or a change.
	 *
	 * @param action where the form is sent
	 * @param version the rating's version when changing, so a change made meanwhile is
	 * refused
	 */
	public record FormPage(String service, String kindKey, Instant finishedAt, String subject, String action,
			Integer version, boolean changing, Form form, List<RatingReason> complaints, List<RatingReason> praise,
			Map<String, String> errors) {

		public String error(String field) {
			return errors.get(field);
		}

	}

	/**
	 * One rating.
	 *
	 * @param changeable the citizen may still change it
	 * @param followedUp a verified 不满意 or worse: the department contacts them within 1
	 * working day
	 * @param notice a message key for what just happened, or null
	 */
	public record ViewPage(String id, String service, String kindKey, int level, List<String> reasonKeys,
			String comment, Instant createdAt, Instant changedAt, boolean changed, boolean changeable,
			Instant changeableUntil, boolean followedUp, boolean verified, String notice) {
	}

	/**
	 * The hall's rating pad.
	 *
	 * @param subject what the buttons rate; null when nothing is on offer
	 * @param anonymous the holder is nobody known
	 * @param notice a message key for the rating just given, or null
	 */
	public record PadPage(String number, String subject, boolean anonymous, List<RatingReason> complaints,
			List<RatingReason> praise, Map<String, String> errors, String notice) {

		public String error(String field) {
			return errors.get(field);
		}

	}

}
