package org.onestop.identity.mandate;

import java.util.List;
import java.util.Map;

/** What the mandate pages' templates read. */
public final class MandatePages {

	private MandatePages() {
	}

	/**
	 * The citizen's mandates page.
	 *
	 * @param actFor the people the citizen may act for now
	 * @param notice a message key to confirm what was just done, or null
	 */
	public record MandatesPage(List<PrincipalRow> actFor, List<MandateRow> given, List<MandateRow> received,
			GrantForm form, List<MatterOption> matters, Map<String, String> errors, String maxUntil, String notice) {

		public String error(String field) {
			return errors.get(field);
		}

	}

	/**
	 * Someone the citizen may act for.
	 *
	 * @param matters the matters' names, or null for all matters
	 */
	public record PrincipalRow(String idNumber, String name, boolean guardian, String matters, String until) {
	}

	/**
	 * A mandate given or received.
	 *
	 * @param person the other side's name
	 * @param matters the matters' names, or null for all matters
	 * @param status ACTIVE, EXPIRED or REVOKED, shown by its message
	 */
	public record MandateRow(String id, String person, String matters, String until, String status, boolean atCounter) {

		public boolean active() {
			return "ACTIVE".equals(status);
		}

	}

	/** The grant form as typed. */
	public record GrantForm(String representativeIdNumber, String representativeName, boolean allMatters,
			List<String> serviceCodes, String until) {

		static GrantForm empty() {
			return new GrantForm("", "", true, List.of(), "");
		}

	}

	/** A matter to tick. */
	public record MatterOption(String code, String name, boolean checked) {
	}

	/** The counter's page for recording a mandate. */
	public record CounterPage(CounterForm form, List<MatterOption> matters, Map<String, String> errors, String maxUntil,
			String recorded) {

		public String error(String field) {
			return errors.get(field);
		}

	}

	/** The counter form as typed. */
	public record CounterForm(String grantorIdNumber, String grantorName, String representativeIdNumber,
			String representativeName, boolean idCardsSeen, boolean allMatters, List<String> serviceCodes,
			String until) {

		static CounterForm empty() {
			return new CounterForm("", "", "", "", false, true, List.of(), "");
		}

	}

}
