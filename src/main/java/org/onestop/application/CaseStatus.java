package org.onestop.application;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.Application.Status;
import org.onestop.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * The citizen-facing status follows from where the case's process waits, so the two never
 * disagree. Final statuses (approved, rejected, withdrawn) are set by the steps that end
 * a process.
 */
@Component
class CaseStatus {

	private final ApplicationStore store;

	private final Workflow workflow;

	private final Clock clock;

	CaseStatus(ApplicationStore store, Workflow workflow, Clock clock) {
		this.store = store;
		this.workflow = workflow;
		this.clock = clock;
	}

	void refresh(UUID id) {
		Application application = store.lock(id).orElseThrow();
		if (!application.status().open() || application.processInstanceId() == null) {
			return;
		}
		Status status = of(workflow.activeSteps(application.processInstanceId()));
		if (status != null && status != application.status()) {
			store.status(id, status, clock.instant());
		}
	}

	static Status of(Set<String> steps) {
		if (steps.contains(Step.SUPERVISOR_REVIEW.id()) || steps.contains(Step.SUPPLEMENT_APPROVAL.id())) {
			return Status.SUPERVISOR_REVIEW;
		}
		if (steps.contains(Step.AWAIT_SUPPLEMENT.id())) {
			return Status.AWAITING_CITIZEN;
		}
		if (steps.contains(Step.FIELD_VISIT.id())) {
			return Status.FIELD_VISIT;
		}
		if (steps.contains(Step.REVIEW.id())) {
			return Status.IN_REVIEW;
		}
		if (steps.contains(Step.ACCEPTANCE.id())) {
			return Status.SUBMITTED;
		}
		return null;
	}

}
