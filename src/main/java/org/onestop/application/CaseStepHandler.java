package org.onestop.application;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.Application.Decision;
import org.onestop.application.Application.Status;
import org.onestop.workflow.CaseStep;
import org.onestop.workflow.WorkTask;
import org.onestop.workflow.Workflow;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the application does when its process reaches a step of its own: the decision takes effect
 * (certificate issued, or rejection recorded), and deadline timers warn and escalate. Runs inside the
 * engine's transaction, so a failure here rolls the step back and nothing is half-done.
 */
@Component
class CaseStepHandler {

	private final ApplicationStore store;
	private final Workflow workflow;
	private final Timeline timeline;
	private final CitizenNotices notices;
	private final Issuing issuing;
	private final Clock clock;
	private final Deadlines deadlines;
	private final Cases cases;

	CaseStepHandler(Cases cases, ApplicationStore store, Workflow workflow, Timeline timeline, CitizenNotices notices, Issuing issuing,
			Clock clock, Deadlines deadlines) {
		this.deadlines = deadlines;
		this.cases = cases;
		this.store = store;
		this.workflow = workflow;
		this.timeline = timeline;
		this.notices = notices;
		this.issuing = issuing;
		this.clock = clock;
	}

	@EventListener
	void on(CaseStep step) {
		UUID id = UUID.fromString(step.caseId());
		Application application = store.lock(id).orElseThrow();
		String name = step.step();
		if ("issue".equals(name)) {
			Decision decision = application.decision() != null ? application.decision()
					: new Decision("APPROVED", "system", clock.instant(), null, null, null, null, null);
			store.decided(id, Status.APPROVED, withTime(decision), workingDays(application));
			timeline.record(id, "APPROVED", decision.by(), Map.of());
			cases.closeRequests(id);
			issuing.issue(store.find(id).orElseThrow());
			notices.citizen(application, "DECIDED", "application.notice.approved", application.serviceCode());
		}
		else if ("recordRejection".equals(name)) {
			Decision decision = application.decision();
			store.decided(id, Status.REJECTED, withTime(decision), workingDays(application));
			cases.closeRequests(id);
			timeline.record(id, "REJECTED", decision.by(), Map.of("reason", decision.reason(), "legalBasis",
					decision.legalBasis(), "remedy", decision.remedy()));
			notices.citizen(application, "DECIDED", "application.notice.rejected", application.serviceCode());
		}
		else if (name.endsWith("WarnNotice")) {
			String task = name.substring(0, name.length() - "WarnNotice".length());
			timeline.record(id, "DEADLINE_WARNING", "system", Map.of("step", task, "due", application.dueDate().toString()));
			workflow.tasksOf(step.processInstanceId()).stream().filter(t -> t.step().equals(task))
				.map(WorkTask::assignee).filter(a -> a != null)
				.forEach(assignee -> notices.staff(assignee, application, "DEADLINE_WARNING",
						"application.notice.deadline-warning", application.serviceCode(), application.dueDate()));
		}
		else if (name.endsWith("OverdueNotice")) {
			String task = name.substring(0, name.length() - "OverdueNotice".length());
			workflow.tasksOf(step.processInstanceId()).stream().filter(t -> t.step().equals(task))
				.forEach(t -> workflow.addGroup(t.id(), application.department() + ":SUPERVISOR"));
			timeline.record(id, "ESCALATED", "system", Map.of("step", task, "due", application.dueDate().toString()));
		}
	}

	/** Working days from submission to the decision, as the citizen lived them (supplement time included). */
	private int workingDays(Application a) {
		java.time.LocalDate submitted = a.submittedAt().atZone(deadlines.zone()).toLocalDate();
		return deadlines.workingDaysSince(submitted);
	}

	private Decision withTime(Decision d) {
		return new Decision(d.outcome(), d.by(), clock.instant(), d.reason(), d.legalBasis(), d.remedy(), d.adjustedRule(),
				d.justification());
	}
}
