package org.onestop.complaint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A complaint as a reader may see it. The reporter's view has the public timeline without
 * staff names; staff also get {@code staff}: the contact details, every assignment and
 * return, and the clocks.
 *
 * @param holder the department that holds the complaint now, or the dispatch centre
 * @param overdue the reply (or first contact) is late
 * @param verdictOpen the reporter may give a verdict now
 */
public record ComplaintView(UUID id, String trackingCode, ComplaintStatus status, String statusName, Channel channel,
		String categoryCode, String categoryName, String description, String address, Double latitude, Double longitude,
		Instant receivedAt, String holder, String holderName, String leadDepartment, String leadDepartmentName,
		List<Part> coHandlers, Instant firstContactDue, Instant firstContactedAt, Instant replyDue, boolean overdue,
		Instant repliedAt, String reply, String waitingReason, Closure closure, String closureName, Instant closedAt,
		boolean supervisorFlag, UUID mergedInto, List<Verdict> verdicts, boolean verdictOpen, List<Step> timeline,
		List<UUID> photos, List<UUID> evidence, StaffDetail staff) {

	/** A co-handling department's part. */
	public record Part(String department, String departmentName, Instant dueAt, Instant answeredAt, String answer) {
	}

	/**
	 * One move, as the reader may see it: no staff name for the reporter, and a detail
	 * only where it was written for them (the reply, the reason for waiting).
	 */
	public record Step(Instant at, String kind, String text, String detail, String departmentName, String actor) {
	}

	/** What only staff see. */
	public record StaffDetail(String reporter, String contactName, String contactPhone, String contactEmail,
			String filedBy, UUID conversationId, int dispatchCount, int reopenCount, boolean escalated,
			List<Assignment> assignments, List<ReturnRequest> returns, List<ComplaintClock> clocks,
			List<UUID> followers) {
	}

}
