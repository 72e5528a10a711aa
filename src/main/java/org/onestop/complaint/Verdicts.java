package org.onestop.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onestop.complaint.ComplaintClock.Kind;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What a verdict does to the case, whoever recorded it (the citizen online, or an agent
 * on a follow-up call), and the ways a case closes or reopens.
 */
@Component
class Verdicts {

	private final Casebook book;

	private final ComplaintClocks clocks;

	private final ComplaintNotices notices;

	private final Deadlines deadlines;

	Verdicts(Casebook book, ComplaintClocks clocks, ComplaintNotices notices, Deadlines deadlines) {
		this.book = book;
		this.clocks = clocks;
		this.notices = notices;
		this.deadlines = deadlines;
	}

	/**
	 * Records a verdict on one reporter's complaint and applies it to the case. The case
	 * is locked by the caller.
	 */
	void give(Complaint own, Complaint handled, boolean solved, Integer rating, String comment, String channel,
			String actor) {
		if (rating != null && (rating < 1 || rating > 5)) {
			throw new InvalidInputException("rating", "complaint.verdict.rating");
		}
		String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
		if (cleanComment != null && cleanComment.length() > 1000) {
			throw new InvalidInputException("comment", "complaint.verdict.comment.long", 1000);
		}
		if (!book.verdictOpen(own, handled)) {
			throw new ConflictException("complaint.verdict.closed");
		}
		Instant now = book.now();
		Verdict verdict = new Verdict(handled.reopenCount(), solved, rating, cleanComment, channel, now,
				handled.leadDepartment());
		if (!book.store().addVerdict(own.id(), handled.reopenCount(), verdict, actor)) {
			throw new ConflictException("complaint.verdict.given");
		}
		book.store().closeFollowUps(handled.id(), "VERDICT", actor, now);
		book.note(own, solved ? "VERDICT_SOLVED" : "VERDICT_NOT_SOLVED", actor, handled.leadDepartment(), true,
				rating == null ? null : "rating " + rating);
		book.changed(actor, own, "verdict", (solved ? "solved" : "not solved") + (rating == null ? "" : ", " + rating));
		VerdictRule.Next next = VerdictRule.after(solved, rating, handled.reopenCount());
		if (next == VerdictRule.Next.CLOSE_SOLVED && handled.status() == ComplaintStatus.CLOSED) {
			// A late "solved": a case closed for want of feedback now counts as solved.
			if (handled.closure() == Closure.NO_FEEDBACK) {
				Complaint solvedLate = book.save(handled.change().closure(Closure.SOLVED).done());
				book.note(solvedLate, "CLOSED_SOLVED", actor, handled.leadDepartment(), true, null);
			}
			return;
		}
		switch (next) {
			case CLOSE_SOLVED -> close(handled, Closure.SOLVED, actor, null);
			case REOPEN -> reopen(handled, actor, false, null);
			case HEAD_DECIDES -> headDecides(handled, actor);
		}
	}

	/**
	 * The reply got no verdict in time: the case closes as "no feedback" (counted apart).
	 */
	void noFeedback(Complaint handled) {
		if (handled.status() == ComplaintStatus.REPLIED) {
			close(handled, Closure.NO_FEEDBACK, "system", null);
		}
	}

	void close(Complaint handled, Closure closure, String actor, String reason) {
		Instant now = book.now();
		Complaint closed = book.save(handled.change()
			.status(ComplaintStatus.CLOSED)
			.closure(closure)
			.closedAt(now)
			.waitingSince(null)
			.done());
		clocks.stopAll(handled.id(), now);
		book.store().endAssignments(handled.id(), now, "CLOSED");
		book.store().closeFollowUps(handled.id(), "CANCELLED", actor, now);
		book.note(closed, "CLOSED_" + closure, actor, handled.leadDepartment(), true, reason);
		book.changed(actor, closed, "closed", closure.name());
		List<Complaint> reporters = new ArrayList<>(book.store().followers(handled.id()));
		reporters.add(0, closed);
		notices.reporters(reporters, "COMPLAINT_CLOSED", "complaint.notice.closed");
	}

	/**
	 * Back to the same department with a supervisor flag and a new reply clock; the old
	 * clocks stay as history. A reopening by the dispatch centre's head does not count
	 * towards the citizen's two.
	 */
	void reopen(Complaint handled, String actor, boolean byHead, String reason) {
		Instant now = book.now();
		int round = handled.reopenCount() + 1;
		Instant due = deadlines.replyDue(handled.urgencyTier(), now);
		clocks.stopAll(handled.id(), now);
		clocks.start(handled.id(), Kind.REPLY, round, now, due);
		if (book.lead(handled.id()) == null) {
			// Reopened after closing (a late verdict): the same department leads again.
			book.store()
				.assign(new Assignment(UUID.randomUUID(), handled.id(), handled.leadDepartment(), Assignment.Kind.LEAD,
						now, actor, due, now, null, null, null, null, null));
		}
		Complaint reopened = book.save(handled.change()
			.status(ComplaintStatus.IN_PROGRESS)
			.reopenCount(byHead ? handled.reopenCount() : round)
			.supervisorFlag(true)
			.replyDue(due)
			.repliedAt(null)
			.replyText(null)
			.closure(null)
			.closedAt(null)
			.done());
		book.store().closeFollowUps(handled.id(), "CANCELLED", actor, now);
		book.note(reopened, byHead ? "REOPENED_BY_HEAD" : "REOPENED", actor, handled.leadDepartment(), true, reason);
		book.changed(actor, reopened, "reopened", "round " + round);
		notices.department(handled.leadDepartment(), Role.COMPLAINT_HANDLER, reopened, "COMPLAINT_REOPENED",
				"complaint.notice.reopened");
		notices.department(handled.leadDepartment(), Role.SUPERVISOR, reopened, "COMPLAINT_REOPENED",
				"complaint.notice.reopened");
		notices.department(handled.leadDepartment(), Role.DEPARTMENT_HEAD, reopened, "COMPLAINT_REOPENED",
				"complaint.notice.reopened");
	}

	private void headDecides(Complaint handled, String actor) {
		Instant now = book.now();
		clocks.stopAll(handled.id(), now);
		Complaint waiting = book.save(handled.change().status(ComplaintStatus.HEAD_DECISION).done());
		book.note(waiting, "HEAD_DECISION", actor, ComplaintNotices.DISPATCH_CENTRE, true, null);
		notices.dispatchHead(waiting, "COMPLAINT_HEAD_DECISION", "complaint.notice.head-decision");
	}

	/**
	 * The case this reporter's complaint belongs to, locked (the reporter's own row too).
	 */
	Complaint[] lockCase(UUID id) {
		Complaint own = book.lock(id);
		Complaint handled = own.mergedInto() == null ? own : book.lock(own.mergedInto());
		return new Complaint[] { own, handled };
	}

}
