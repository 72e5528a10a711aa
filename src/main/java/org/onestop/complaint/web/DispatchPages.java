package org.onestop.complaint.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onestop.complaint.ComplaintView;
import org.onestop.complaint.Dispatch;
import org.onestop.complaint.ReturnRequest;

/**
 * What the dispatch console shows: the live queue, the returns to arbitrate, what waits
 * for the head, and one complaint with the forms to dispatch, merge and decide. Public
 * only because the templates read them.
 */
public final class DispatchPages {

	private DispatchPages() {
	}

	/** The console. */
	public record QueuePage(List<QueueRow> rows, List<ReturnRow> returns, List<ComplaintView> awaitingHead,
			boolean head, String banner, Instant at) {
	}

	/** A complaint in the queue, with what helps the dispatcher decide. */
	public record QueueRow(ComplaintView complaint, String waited, String shortDescription, List<Suggested> suggestions,
			List<Dispatch.Duplicate> duplicates, boolean escalated) {

		/** The first suggestion, or null when there is none. */
		public Suggested lead() {
			return suggestions.isEmpty() ? null : suggestions.get(0);
		}

	}

	/** A suggested lead department by name, and how sure, in words and percent. */
	public record Suggested(String department, String name, String confidence) {
	}

	/** A return waiting for arbitration. */
	public record ReturnRow(ReturnRequest request, String departmentName, String waited) {
	}

	/** One complaint for the dispatcher, with the forms that fit its state. */
	public record ItemPage(QueueRow row, boolean waitingForDispatch, boolean mayDispatch, ReturnRow pendingReturn,
			boolean headDecides, Map<String, String> departments, String selectedLead, Set<String> selectedCoHandlers,
			Map<String, String> errors, Map<String, String> values, String banner) {

		public ComplaintView complaint() {
			return row.complaint();
		}

		public String value(String name) {
			return values.getOrDefault(name, "");
		}

	}

}
