package org.onestop.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The activities of {@code matter-application.bpmn20.xml} that this module acts on, by
 * their BPMN ids: the staff tasks with the outcomes each allows, the wait for the
 * citizen, the service steps, and the deadline timers of each staff task.
 */
enum Step {

	ACCEPTANCE("acceptance", Kind.STAFF_TASK, null, Outcome.ACCEPT, Outcome.REQUEST_SUPPLEMENT), REVIEW("review",
			Kind.STAFF_TASK, null, Outcome.APPROVE, Outcome.REQUEST_SUPPLEMENT, Outcome.REJECT, Outcome.FIELD_VISIT),
	FIELD_VISIT("fieldVisit", Kind.STAFF_TASK, null, Outcome.REPORT),
	SUPERVISOR_REVIEW("supervisorReview", Kind.SUPERVISOR_TASK, null, Outcome.APPROVE_WITH_ADJUSTMENT,
			Outcome.FIELD_VISIT, Outcome.INVITE_CONSULTATION, Outcome.CONFIRM_REJECTION),
	SUPPLEMENT_APPROVAL("supplementApproval", Kind.SUPERVISOR_TASK, null, Outcome.APPROVE_SUPPLEMENT,
			Outcome.DENY_SUPPLEMENT),
	AWAIT_SUPPLEMENT("awaitSupplement", Kind.WAIT, null),
	CONSULTATION_INVITED("consultationInvited", Kind.SERVICE, null), ISSUE("issue", Kind.SERVICE, null),
	RECORD_REJECTION("recordRejection", Kind.SERVICE, null),
	ACCEPTANCE_WARNING("acceptanceWarnNotice", Kind.WARNING, ACCEPTANCE),
	ACCEPTANCE_OVERDUE("acceptanceOverdueNotice", Kind.OVERDUE, ACCEPTANCE),
	REVIEW_WARNING("reviewWarnNotice", Kind.WARNING, REVIEW),
	REVIEW_OVERDUE("reviewOverdueNotice", Kind.OVERDUE, REVIEW),
	FIELD_VISIT_WARNING("fieldVisitWarnNotice", Kind.WARNING, FIELD_VISIT),
	FIELD_VISIT_OVERDUE("fieldVisitOverdueNotice", Kind.OVERDUE, FIELD_VISIT);

	/** What sort of activity a step is. */
	enum Kind {

		STAFF_TASK, SUPERVISOR_TASK, WAIT, SERVICE, WARNING, OVERDUE

	}

	private final String id;

	private final Kind kind;

	private final Step task;

	private final List<Outcome> outcomes;

	Step(String id, Kind kind, Step task, Outcome... outcomes) {
		this.id = id;
		this.kind = kind;
		this.task = task;
		this.outcomes = List.of(outcomes);
	}

	/** The BPMN activity id. */
	String id() {
		return id;
	}

	Kind kind() {
		return kind;
	}

	/** For a deadline timer, the staff task whose deadline it watches. */
	Step task() {
		return task;
	}

	/**
	 * Tasks only a supervisor works on; any other task a supervisor holds is one
	 * escalated to them.
	 */
	boolean forSupervisors() {
		return kind == Kind.SUPERVISOR_TASK;
	}

	/** The outcome named by {@code value}, if this step allows it. */
	Optional<Outcome> outcome(String value) {
		return Outcome.of(value).filter(outcomes::contains);
	}

	/** The outcomes this step allows, as the refusal of another one lists them. */
	String allowedOutcomes() {
		return outcomes.stream().map(Outcome::name).collect(Collectors.joining(", "));
	}

	/**
	 * The step with this BPMN activity id; empty for an activity of no concern to this
	 * module.
	 */
	static Optional<Step> of(String id) {
		return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
	}

}
