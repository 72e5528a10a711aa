package org.onestop.complaint;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code complaint}, as the facades work with it. */
record Complaint(UUID id, String trackingCode, String reporter, Channel channel, String categoryCode,
		String description, String address, Double latitude, Double longitude, String contactName, String contactPhone,
		String contactEmail, UUID conversationId, String filedBy, String open311Client, String open311Token,
		UrgencyTier urgencyTier, ComplaintStatus status, String leadDepartment, Instant receivedAt,
		Instant dispatchedAt, Instant firstContactDue, Instant firstContactedAt, Instant replyDue, Instant repliedAt,
		String replyText, Instant waitingSince, String waitingReason, int dispatchCount, int reopenCount,
		boolean supervisorFlag, boolean escalated, UUID mergedInto, Instant closedAt, Closure closure) {

	/** The complaint that is handled: this one, or the one it was merged into. */
	UUID caseId() {
		return mergedInto != null ? mergedInto : id;
	}

	boolean open() {
		return status != ComplaintStatus.CLOSED;
	}

	/** A copy to change: the moves change a few columns at a time. */
	Change change() {
		return new Change(this);
	}

	/** The changeable columns of a complaint, set one by one and then {@link #done()}. */
	static final class Change {

		private final Complaint base;

		private String categoryCode;

		private UrgencyTier urgencyTier;

		private ComplaintStatus status;

		private String leadDepartment;

		private Instant dispatchedAt;

		private Instant firstContactDue;

		private Instant firstContactedAt;

		private Instant replyDue;

		private Instant repliedAt;

		private String replyText;

		private Instant waitingSince;

		private String waitingReason;

		private int dispatchCount;

		private int reopenCount;

		private boolean supervisorFlag;

		private boolean escalated;

		private UUID mergedInto;

		private Instant closedAt;

		private Closure closure;

		Change(Complaint base) {
			this.base = base;
			this.categoryCode = base.categoryCode();
			this.urgencyTier = base.urgencyTier();
			this.status = base.status();
			this.leadDepartment = base.leadDepartment();
			this.dispatchedAt = base.dispatchedAt();
			this.firstContactDue = base.firstContactDue();
			this.firstContactedAt = base.firstContactedAt();
			this.replyDue = base.replyDue();
			this.repliedAt = base.repliedAt();
			this.replyText = base.replyText();
			this.waitingSince = base.waitingSince();
			this.waitingReason = base.waitingReason();
			this.dispatchCount = base.dispatchCount();
			this.reopenCount = base.reopenCount();
			this.supervisorFlag = base.supervisorFlag();
			this.escalated = base.escalated();
			this.mergedInto = base.mergedInto();
			this.closedAt = base.closedAt();
			this.closure = base.closure();
		}

		Change categoryCode(String categoryCode) {
			this.categoryCode = categoryCode;
			return this;
		}

		Change urgencyTier(UrgencyTier urgencyTier) {
			this.urgencyTier = urgencyTier;
			return this;
		}

		Change status(ComplaintStatus status) {
			this.status = status;
			return this;
		}

		Change leadDepartment(String leadDepartment) {
			this.leadDepartment = leadDepartment;
			return this;
		}

		Change dispatchedAt(Instant dispatchedAt) {
			this.dispatchedAt = dispatchedAt;
			return this;
		}

		Change firstContactDue(Instant firstContactDue) {
			this.firstContactDue = firstContactDue;
			return this;
		}

		Change firstContactedAt(Instant firstContactedAt) {
			this.firstContactedAt = firstContactedAt;
			return this;
		}

		Change replyDue(Instant replyDue) {
			this.replyDue = replyDue;
			return this;
		}

		Change repliedAt(Instant repliedAt) {
			this.repliedAt = repliedAt;
			return this;
		}

		Change replyText(String replyText) {
			this.replyText = replyText;
			return this;
		}

		Change waitingSince(Instant waitingSince) {
			this.waitingSince = waitingSince;
			return this;
		}

		Change waitingReason(String waitingReason) {
			this.waitingReason = waitingReason;
			return this;
		}

		Change dispatchCount(int dispatchCount) {
			this.dispatchCount = dispatchCount;
			return this;
		}

		Change reopenCount(int reopenCount) {
			this.reopenCount = reopenCount;
			return this;
		}

		Change supervisorFlag(boolean supervisorFlag) {
			this.supervisorFlag = supervisorFlag;
			return this;
		}

		Change escalated(boolean escalated) {
			this.escalated = escalated;
			return this;
		}

		Change mergedInto(UUID mergedInto) {
			this.mergedInto = mergedInto;
			return this;
		}

		Change closedAt(Instant closedAt) {
			this.closedAt = closedAt;
			return this;
		}

		Change closure(Closure closure) {
			this.closure = closure;
			return this;
		}

		Complaint done() {
			return new Complaint(base.id(), base.trackingCode(), base.reporter(), base.channel(), categoryCode,
					base.description(), base.address(), base.latitude(), base.longitude(), base.contactName(),
					base.contactPhone(), base.contactEmail(), base.conversationId(), base.filedBy(),
					base.open311Client(), base.open311Token(), urgencyTier, status, leadDepartment, base.receivedAt(),
					dispatchedAt, firstContactDue, firstContactedAt, replyDue, repliedAt, replyText, waitingSince,
					waitingReason, dispatchCount, reopenCount, supervisorFlag, escalated, mergedInto, closedAt,
					closure);
		}

	}

}
