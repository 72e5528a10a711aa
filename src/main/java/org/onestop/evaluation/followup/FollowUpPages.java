package org.onestop.evaluation.followup;

import java.util.List;
import java.util.Map;

/**
 * What the follow-up pages read: every text already in the reader's language, so that the
 * templates show no code or key.
 */
public final class FollowUpPages {

	private FollowUpPages() {
	}

	/** A label and its value, for a summary list. */
	public record Line(String label, String value) {
	}

	/** One follow-up on the department's list or the ledger. */
	public record Row(String id, String title, String level, String status, String clock, String clockTag,
			String contactDue, String replyDue, String promised, boolean contactLate) {
	}

	public record ListPage(List<Row> rows, boolean ledger) {
	}

	/**
	 * A cause of the rating: its kind's name, what it says, and the rule's or matter's
	 * code where it points at one (shown as code, for the staff to look up).
	 */
	public record CauseLine(String kind, String text, String code) {
	}

	/** The follow-up's page for the department, with its forms. */
	public record DetailPage(String id, String title, String serviceLink, String status, String clock, String clockTag,
			List<Line> summary, List<String> reasons, String comment, List<CauseLine> causes, List<Line> timeline,
			List<Line> answer, boolean mayContact, boolean mayReply, boolean onLedger, int version, Line flag,
			boolean mayFlag, Map<String, String> errors, Map<String, String> values, String banner) {

		public String value(String field) {
			return values.getOrDefault(field, "");
		}

	}

	/** A flag in the services supervisor's queue. */
	public record FlagRow(String id, String department, String service, String level, String reason, String comment,
			String flaggedAt, String decision, String note, boolean open) {
	}

	public record FlagsPage(List<FlagRow> rows, String failedId, Map<String, String> errors, Map<String, String> values,
			String banner) {

		public String value(String field) {
			return values.getOrDefault(field, "");
		}

	}

	/** The citizen's view of their rating's follow-up. */
	public record CitizenPage(String ratingId, String service, String level, String status, List<Line> summary,
			String reply, boolean mayGiveVerdict, String verdict, Map<String, String> errors, String banner) {
	}

	public record ExclusionRow(String month, String department, String service, int count, List<String> notes) {
	}

	public record CountRow(String department, int excluded, int kept) {
	}

	public record ExclusionsPage(List<ExclusionRow> rows, List<CountRow> counts) {
	}

	public record SettingRow(String code, String name, int days, boolean own) {
	}

	public record SettingsPage(List<SettingRow> rows, String failedCode, String error, String value, String banner,
			int fewest, int most, int defaultDays) {
	}

}
