package org.onestop.complaint.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.vault.VaultDocument;
import org.onestop.complaint.Category;
import org.onestop.complaint.ComplaintStatus;
import org.onestop.complaint.ComplaintView;
import org.onestop.complaint.Complaints.NearbyComplaint;
import org.onestop.complaint.UrgencyTier;

/**
 * What the citizen's complaint pages show, one record per page (public only because the
 * templates read them).
 */
public final class ComplaintCitizenPages {

	/** The longest description, as the form's character count says it. */
	public static final int MAX_DESCRIPTION = 4000;

	private ComplaintCitizenPages() {
	}

	/** A group of categories with its leaves, in display order. */
	public record CategoryGroup(String code, String name, List<Category> leaves) {
	}

	/**
	 * The complaint form, first shown, refused (with {@code errors} by input id), or
	 * asking "is this what you are reporting?" ({@code nearby} not empty).
	 *
	 * @param signedIn a signed-in citizen may attach photos from the vault or upload one
	 * @param nearbyChecked what the duplicate check was shown for, so that sending the
	 * same place again files instead of asking again
	 */
	public record FormPage(ComplaintForm form, List<CategoryGroup> groups, boolean signedIn, List<VaultDocument> vault,
			Map<String, String> errors, List<NearbyComplaint> nearby, String nearbyChecked) {

		public boolean selected(UUID document) {
			return form.documentIds().contains(document.toString());
		}

		public String error(String field) {
			return errors.get(field);
		}

	}

	/** Just filed: the tracking code, the private link, what happens next. */
	public record FiledPage(ComplaintView complaint, String privateLink, UrgencyTier tier, boolean signedIn) {

		/**
		 * The same link on this site: the page links to it on whatever address the
		 * reporter used, and shows the full public address for keeping.
		 */
		public String privatePath() {
			return java.net.URI.create(privateLink).getRawPath() + "?" + java.net.URI.create(privateLink).getRawQuery();
		}

		public boolean joined() {
			return complaint.mergedInto() != null;
		}

	}

	/** The signed-in citizen's complaints, whatever the channel. */
	public record ListPage(List<ComplaintView> complaints) {
	}

	/**
	 * One complaint for its reporter (or the holder of its tracking code), with the
	 * verdict form when a verdict is open.
	 *
	 * @param code the tracking code the page was opened with, carried by its forms and
	 * links; null for the signed-in reporter
	 */
	public record ViewPage(ComplaintView complaint, String code, VerdictForm verdict, Map<String, String> errors,
			String banner) {

		public String error(String field) {
			return errors.get(field);
		}

		/** The form's target, with the code for a reporter who is not signed in. */
		public String verdictAction() {
			return "/complaints/" + complaint.id() + "/verdict";
		}

	}

	/** What was typed into the verdict form, kept when it is refused. */
	public record VerdictForm(String solved, String rating, String comment) {

		static final VerdictForm EMPTY = new VerdictForm("", "", "");

	}

	private static final Set<ComplaintStatus> HANDLED = Set.of(ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS);

	/** GOV.UK tag colour of a status; the status is always written out beside it. */
	public static String statusColour(ComplaintStatus status) {
		if (HANDLED.contains(status)) {
			return "govuk-tag--blue";
		}
		return switch (status) {
			case NEW -> "govuk-tag--grey";
			case WAITING -> "govuk-tag--yellow";
			case REPLIED -> "govuk-tag--purple";
			case HEAD_DECISION -> "govuk-tag--orange";
			default -> "govuk-tag--green";
		};
	}

}
