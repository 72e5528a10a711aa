package org.onestop.application.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.onestop.application.Application.Status;
import org.onestop.application.CaseFiles;
import org.onestop.application.CaseView;
import org.onestop.application.Casework;
import org.onestop.application.DiscretionLog;
import org.onestop.application.Filing;
import org.onestop.application.form.FormField;
import org.onestop.application.form.FormView;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.vault.VaultDocument;
import org.onestop.certificate.ReceiptLayout;
import org.onestop.workflow.WorkTask;

/**
 * What the application pages show, one record per page (public only because the templates
 * read them).
 */
public final class ApplicationPages {

	private static final Set<String> TIMELINE_KINDS = Set.of("SUBMITTED", "ACCEPTED", "VALUE_DISPUTED", "TASK_CLAIMED",
			"SUPPLEMENT_REQUESTED", "SUPPLEMENT_ANSWERED", "CONSULTATION_ANSWERED", "SECOND_SUPPLEMENT_PROPOSED",
			"REJECTION_HELD", "FIELD_VISIT_REQUESTED", "FIELD_VISIT_REPORTED", "SUPERVISOR_APPROVE_WITH_ADJUSTMENT",
			"SUPERVISOR_FIELD_VISIT", "SUPERVISOR_INVITE_CONSULTATION", "SUPERVISOR_CONFIRM_REJECTION",
			"SUPERVISOR_APPROVE_SUPPLEMENT", "SUPERVISOR_DENY_SUPPLEMENT", "APPROVED", "REJECTED", "WITHDRAWN",
			"DEADLINE_WARNING", "ESCALATED", "TRIP_RECORDED", "TRIP_LIMIT_EXCEEDED", "CORRECTION_CORRECTED",
			"CORRECTION_DECLINED");

	private ApplicationPages() {
	}

	/**
	 * The message key that names a timeline entry's kind; kinds added later read as
	 * "something happened".
	 */
	public static String timelineKey(String kind) {
		return "application.page.timeline." + (TIMELINE_KINDS.contains(kind) ? kind : "OTHER");
	}

	/** The id of the input a refused field is shown beside on the form pages. */
	static String inputId(String field) {
		return switch (field) {
			case "file" -> "upload";
			case "title" -> "uploadTitle";
			case "documentIds" -> "documents";
			default -> field;
		};
	}

	/** GOV.UK tag colour of a status; the status is always written out beside it. */
	public static String statusColour(Status status) {
		return switch (status) {
			case APPROVED -> "govuk-tag--green";
			case REJECTED -> "govuk-tag--red";
			case AWAITING_CITIZEN -> "govuk-tag--orange";
			case FIELD_VISIT, SUPERVISOR_REVIEW -> "govuk-tag--purple";
			case WITHDRAWN, DRAFT -> "govuk-tag--grey";
			default -> "govuk-tag--blue";
		};
	}

	public static String slaColour(String sla) {
		return switch (sla) {
			case "RED" -> "govuk-tag--red";
			case "AMBER" -> "govuk-tag--yellow";
			default -> "govuk-tag--green";
		};
	}

	/**
	 * The form page.
	 *
	 * @param values what the fields show: the draft's values with what the citizen just
	 * typed over them
	 * @param problems what the last pre-check found; null when it has not run
	 * @param refused a submission was refused for these problems: the citizen may explain
	 * and submit anyway
	 */
	public record ApplyPage(FormView form, Map<String, String> values, Set<UUID> selected, String explanation,
			List<VaultDocument> vault, String idempotencyKey, Map<String, String> errors,
			List<PrecheckProblem> problems, boolean refused, String banner, Map<String, String> departments) {

		public ApplyPage withErrors(Map<String, String> fieldErrors) {
			return new ApplyPage(form, values, selected, explanation, vault, idempotencyKey, fieldErrors, problems,
					refused, banner, departments);
		}

		public String value(String field) {
			String v = values.get(field);
			return v == null ? "" : v;
		}
	}

	public record DisputePage(UUID draftId, String serviceCode, FormView.Field field, String value, String comment,
			Map<String, String> errors) {
	}

	public record MyApplicationsPage(List<Row> rows) {

		/**
		 * One application; {@code filing} says how it was filed (at a counter, for the
		 * citizen ...).
		 */
		public record Row(UUID id, String reference, String serviceCode, String name, Status status, LocalDate dueDate,
				Instant updatedAt, Filing filing) {
		}
	}

	/**
	 * One application as its applicant sees it.
	 *
	 * @param answerFields the fields the citizen may add or change in an answer (typed
	 * ones)
	 * @param failedRequest the request whose answer was refused, with {@code errors}
	 * @param filing how it was filed, and by whom when someone filed it for the citizen
	 */
	public record CasePage(CaseView view, List<TimelineRow> timeline, String matterName, List<FormField> answerFields,
			Map<String, String> values, List<VaultDocument> vault, UUID failedRequest, Map<String, String> errors,
			String banner, Filing filing) {

		/** The receipt's link in one layout. */
		public String receipt(ReceiptLayout layout) {
			return "/applications/" + view.id() + "/receipt.pdf?format=" + layout.format();
		}
	}

	public record WithdrawPage(CaseView view, String matterName) {
	}

	public record InboxPage(Casework.Inbox inbox, Map<String, String> names, String banner, String reference,
			String findProblem) {

		InboxPage(Casework.Inbox inbox, Map<String, String> names, String banner) {
			this(inbox, names, banner, "", null);
		}

		/** The page after looking up a reference that opened no task. */
		InboxPage found(String reference, String problem) {
			return new InboxPage(inbox, names, banner, reference, problem);
		}

		/**
		 * The inbox page, naming each matter once however many of its tasks the page
		 * lists.
		 */
		static InboxPage of(Casework.Inbox inbox, Function<String, String> matterName, String banner) {
			Map<String, String> names = new HashMap<>();
			inbox.tasks().forEach(t -> names.computeIfAbsent(t.serviceCode(), matterName));
			return new InboxPage(inbox, names, banner);
		}

		public List<Casework.TaskRow> tasks() {
			return inbox.tasks();
		}

		public String link(int page) {
			return "/staff/tasks?page=" + page;
		}
	}

	/**
	 * The review screen.
	 *
	 * @param outcome the outcome whose form was refused, with {@code errors} keyed
	 * {@code <outcome>-<field>}
	 */
	public record TaskPage(WorkTask task, CaseFiles.CaseFile file, List<TimelineRow> timeline, String matterName,
			String outcome, Map<String, String> errors, Map<String, String> submitted, Filing filing) {

		/** The review screen of a task, with its case file's timeline. */
		static TaskPage of(WorkTask task, CaseFiles.CaseFile file, String matterName, String outcome,
				Map<String, String> errors, Map<String, String> submitted, Filing filing) {
			return new TaskPage(task, file, TimelineRow.of(file.view()), matterName, outcome, errors, submitted,
					filing);
		}

		public String submitted(String field) {
			String v = submitted.get(field);
			return v == null ? "" : v;
		}
	}

	public record DiscretionLogPage(List<DiscretionLog.Entry> entries, boolean all) {
	}

	/** One timeline entry as a page shows it. */
	public record TimelineRow(Instant at, String kind, String actor, Map<String, Object> detail) {

		static List<TimelineRow> of(CaseView view) {
			return view.timeline().stream().map(e -> new TimelineRow(e.at(), e.kind(), e.actor(), e.detail())).toList();
		}
	}

}
