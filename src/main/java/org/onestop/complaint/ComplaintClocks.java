package org.onestop.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.complaint.ComplaintClock.Kind;
import org.onestop.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * Starts, stops, pauses and resumes a complaint's clocks. Each running clock is a
 * {@code complaint-clock} process whose timers are database jobs, so a warning fires once
 * even with two nodes, and survives a restart. The row in {@code complaint_clock} is the
 * clock's history; the process only carries its timers.
 */
@Component
class ComplaintClocks {

	static final String PROCESS = "complaint-clock";

	private final ComplaintStore store;

	private final Workflow workflow;

	private final Deadlines deadlines;

	ComplaintClocks(ComplaintStore store, Workflow workflow, Deadlines deadlines) {
		this.store = store;
		this.workflow = workflow;
		this.deadlines = deadlines;
	}

	ComplaintClock start(UUID complaintId, Kind kind, int round, Instant start, Instant due) {
		Instant escalate = kind == Kind.VERDICT ? due.plus(Duration.ofDays(365)) : deadlines.escalateAt(start, due);
		return start(complaintId, kind, round, start, deadlines.warnAt(start, due), due, escalate);
	}

	/** A clock whose warning comes at a set moment (the verdict's follow-up call). */
	ComplaintClock start(UUID complaintId, Kind kind, int round, Instant start, Instant warn, Instant due,
			Instant escalate) {
		ComplaintClock clock = new ComplaintClock(UUID.randomUUID(), complaintId, kind, round, start, warn, due,
				escalate, null, null, 0, null, null, null, null);
		store.startClock(clock);
		ComplaintClock running = withProcess(clock, run(clock));
		store.updateClock(running);
		return running;
	}

	/**
	 * Stops the clocks of this kind that still run or wait: the contact was made, the
	 * reply sent.
	 */
	void stop(UUID complaintId, Kind kind, Instant now) {
		for (ComplaintClock clock : live(complaintId)) {
			if (clock.kind() == kind) {
				end(clock, now);
			}
		}
	}

	/**
	 * Stops every clock of the complaint (it closed, or went back to the dispatch
	 * centre).
	 */
	void stopAll(UUID complaintId, Instant now) {
		live(complaintId).forEach(clock -> end(clock, now));
	}

	/**
	 * Waiting for the citizen or an outside body: the contact and reply clocks stop
	 * counting.
	 */
	void pause(UUID complaintId, Instant now) {
		for (ComplaintClock clock : live(complaintId)) {
			if (clock.kind() != Kind.VERDICT && clock.pausedAt() == null) {
				cancel(clock);
				store.updateClock(new ComplaintClock(clock.id(), clock.complaintId(), clock.kind(), clock.round(),
						clock.startedAt(), clock.warnAt(), clock.dueAt(), clock.escalateAt(), null, now,
						clock.pausedSeconds(), clock.warnedAt(), clock.overdueAt(), clock.escalatedAt(), null));
			}
		}
	}

	/**
	 * The wait is over: each paused clock's dates move on by the time it waited, and its
	 * timers start again. Returns the reply clock's new due date, if there is one.
	 */
	Optional<Instant> resume(UUID complaintId, Instant now) {
		Instant replyDue = null;
		for (ComplaintClock clock : live(complaintId)) {
			if (clock.pausedAt() == null) {
				continue;
			}
			Duration waited = Duration.between(clock.pausedAt(), now);
			ComplaintClock moved = new ComplaintClock(clock.id(), clock.complaintId(), clock.kind(), clock.round(),
					clock.startedAt(), clock.warnAt().plus(waited), clock.dueAt().plus(waited),
					clock.escalateAt().plus(waited), null, null, clock.pausedSeconds() + waited.toSeconds(),
					clock.warnedAt(), clock.overdueAt(), clock.escalatedAt(), null);
			store.updateClock(withProcess(moved, run(moved)));
			if (clock.kind() == Kind.REPLY) {
				replyDue = moved.dueAt();
			}
		}
		return Optional.ofNullable(replyDue);
	}

	/** Marks what a timer did, so that a repeated job does it once. */
	void mark(ComplaintClock clock) {
		store.updateClock(clock);
	}

	private List<ComplaintClock> live(UUID complaintId) {
		return store.clocks(complaintId).stream().filter(c -> c.stoppedAt() == null).toList();
	}

	private void end(ComplaintClock clock, Instant now) {
		cancel(clock);
		store.updateClock(new ComplaintClock(clock.id(), clock.complaintId(), clock.kind(), clock.round(),
				clock.startedAt(), clock.warnAt(), clock.dueAt(), clock.escalateAt(), clock.processInstanceId(), null,
				clock.pausedSeconds()
						+ (clock.pausedAt() == null ? 0 : Duration.between(clock.pausedAt(), now).toSeconds()),
				clock.warnedAt(), clock.overdueAt(), clock.escalatedAt(), now));
	}

	private void cancel(ComplaintClock clock) {
		if (clock.processInstanceId() != null) {
			workflow.cancel(clock.processInstanceId(), "clock stopped");
		}
	}

	private String run(ComplaintClock clock) {
		return workflow.start(PROCESS, clock.id().toString(), Map.of("warnAt", Date.from(clock.warnAt()), "dueAt",
				Date.from(clock.dueAt()), "escalateAt", Date.from(clock.escalateAt())));
	}

	private static ComplaintClock withProcess(ComplaintClock c, String processInstanceId) {
		return new ComplaintClock(c.id(), c.complaintId(), c.kind(), c.round(), c.startedAt(), c.warnAt(), c.dueAt(),
				c.escalateAt(), processInstanceId, c.pausedAt(), c.pausedSeconds(), c.warnedAt(), c.overdueAt(),
				c.escalatedAt(), c.stoppedAt());
	}

}
