package org.onestop.complaint;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.onestop.complaint.ComplaintClock.Kind;
import org.onestop.identity.Role;
import org.onestop.workflow.CaseStep;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a complaint's timers do, inside the engine's transaction (a failure rolls the step
 * back and the job retries): warn the department, tell its head when overdue, the
 * dispatch centre's head when far overdue; for a reply waiting for its verdict, open the
 * follow-up call and later close it as "no feedback". A timer of a clock that has since
 * stopped does nothing, and each step is done once (the clock row records it).
 */
@Component
class ClockSteps {

	static final String WARN = "complaintClockWarn";

	static final String DUE = "complaintClockDue";

	static final String ESCALATE = "complaintClockEscalate";

	private final Casebook book;

	private final ComplaintClocks clocks;

	private final ComplaintNotices notices;

	private final Verdicts verdicts;

	ClockSteps(Casebook book, ComplaintClocks clocks, ComplaintNotices notices, Verdicts verdicts) {
		this.book = book;
		this.clocks = clocks;
		this.notices = notices;
		this.verdicts = verdicts;
	}

	@EventListener
	void on(CaseStep step) {
		if (!WARN.equals(step.step()) && !DUE.equals(step.step()) && !ESCALATE.equals(step.step())) {
			return;
		}
		Optional<ComplaintClock> found = book.store().clock(UUID.fromString(step.caseId()));
		if (found.isEmpty()) {
			return;
		}
		// The complaint first, then the clock again: the same order as every move.
		Complaint c = book.lock(found.get().complaintId());
		ComplaintClock clock = book.store().clock(found.get().id()).orElseThrow();
		if (!clock.running() || !step.processInstanceId().equals(clock.processInstanceId())) {
			return;
		}
		Instant now = book.now();
		switch (step.step()) {
			case WARN -> {
				if (clock.warnedAt() == null) {
					clocks.mark(with(clock, now, clock.overdueAt(), clock.escalatedAt()));
					warn(c, clock);
				}
			}
			case DUE -> {
				if (clock.overdueAt() == null) {
					clocks.mark(with(clock, clock.warnedAt(), now, clock.escalatedAt()));
					due(c, clock);
				}
			}
			default -> {
				if (clock.escalatedAt() == null && clock.kind() != Kind.VERDICT) {
					clocks.mark(with(clock, clock.warnedAt(), clock.overdueAt(), now));
					book.note(c, "ESCALATED_TO_HEAD", "system", ComplaintNotices.DISPATCH_CENTRE, false,
							clock.kind().name());
					notices.dispatchHead(c, "COMPLAINT_FAR_OVERDUE", "complaint.notice.far-overdue");
				}
			}
		}
	}

	private void warn(Complaint c, ComplaintClock clock) {
		if (clock.kind() == Kind.VERDICT) {
			// No verdict yet: an agent calls the citizen (回访).
			book.store().openFollowUp(c.id(), clock.round(), book.now());
			book.note(c, "FOLLOW_UP_DUE", "system", null, false, null);
			return;
		}
		book.note(c, clock.kind() + "_WARNING", "system", c.leadDepartment(), false, null);
		if (c.leadDepartment() != null) {
			notices.department(c.leadDepartment(), Role.COMPLAINT_HANDLER, c, "COMPLAINT_DEADLINE_WARNING",
					"complaint.notice.warning");
		}
	}

	private void due(Complaint c, ComplaintClock clock) {
		if (clock.kind() == Kind.VERDICT) {
			verdicts.noFeedback(c);
			return;
		}
		book.note(c, clock.kind() + "_OVERDUE", "system", c.leadDepartment(), false, null);
		if (c.leadDepartment() != null) {
			notices.department(c.leadDepartment(), Role.DEPARTMENT_HEAD, c, "COMPLAINT_OVERDUE",
					"complaint.notice.overdue");
		}
		else {
			notices.dispatchHead(c, "COMPLAINT_OVERDUE", "complaint.notice.overdue");
		}
	}

	private static ComplaintClock with(ComplaintClock c, Instant warned, Instant overdue, Instant escalated) {
		return new ComplaintClock(c.id(), c.complaintId(), c.kind(), c.round(), c.startedAt(), c.warnAt(), c.dueAt(),
				c.escalateAt(), c.processInstanceId(), c.pausedAt(), c.pausedSeconds(), warned, overdue, escalated,
				c.stoppedAt());
	}

}
