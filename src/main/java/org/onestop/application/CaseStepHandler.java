package org.onestop.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import org.onestop.application.Application.Decision;
import org.onestop.application.Application.Status;
import org.onestop.workflow.CaseStep;
import org.onestop.workflow.WorkTask;
import org.onestop.workflow.Workflow;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the application does when its process reaches a step of its own: the decision
 * takes effect (certificate issued, or rejection recorded), and deadline timers warn and
 * escalate. Runs inside the engine's transaction, so a failure here rolls the step back
 * and nothing is half-done.
 */
@Component
class CaseStepHandler {

	private final Cases cases;

	private final ApplicationStore store;

	private final Workflow workflow;

	private final Timeline timeline;

	private final CitizenNotices notices;

	private final Issuing issuing;

	private final Clock clock;

	private final Deadlines deadlines;

	private final Map<Step, Consumer<CaseStep>> handlers = new EnumMap<>(Step.class);

	CaseStepHandler(Cases cases, ApplicationStore store, Workflow workflow, Timeline timeline, CitizenNotices notices,
			Issuing issuing, Clock clock, Deadlines deadlines) {
		this.cases = cases;
		this.store = store;
		this.workflow = workflow;
		this.timeline = timeline;
		this.notices = notices;
		this.issuing = issuing;
		this.clock = clock;
		this.deadlines = deadlines;
		handlers.put(Step.ISSUE, this::issue);
		handlers.put(Step.RECORD_REJECTION, this::recordRejection);
		for (Step timer : Step.values()) {
			if (timer.kind() == Step.Kind.WARNING) {
				handlers.put(timer, step -> warn(timer, step));
			}
			else if (timer.kind() == Step.Kind.OVERDUE) {
				handlers.put(timer, step -> escalate(timer, step));
			}
		}
	}

	/**
	 * Steps of no concern here (the consultation's service task, another process's) pass
	 * by.
	 */
	@EventListener
	void on(CaseStep step) {
		Step.of(step.step()).map(handlers::get).ifPresent(handler -> handler.accept(step));
	}

	private void issue(CaseStep step) {
		UUID id = UUID.fromString(step.caseId());
		Application application = store.lock(id).orElseThrow();
		Decision decision = application.decision() != null ? application.decision()
				: Decision.approved("system", clock.instant(), null, null);
		store.decided(id, Status.APPROVED, decision.takingEffect(clock.instant()), workingDays(application));
		timeline.record(id, "APPROVED", decision.by(), Map.of());
		cases.closeRequests(id);
		issuing.issue(store.find(id).orElseThrow());
		notices.citizen(application, "DECIDED", "application.notice.named.approved");
	}

	private void recordRejection(CaseStep step) {
		UUID id = UUID.fromString(step.caseId());
		Application application = store.lock(id).orElseThrow();
		Decision decision = application.decision();
		store.decided(id, Status.REJECTED, decision.takingEffect(clock.instant()), workingDays(application));
		cases.closeRequests(id);
		timeline.record(id, "REJECTED", decision.by(),
				Map.of("reason", decision.reason(), "legalBasis", decision.legalBasis(), "remedy", decision.remedy()));
		notices.citizen(application, "DECIDED", "application.notice.named.rejected");
	}

	/** The morning before the due date: the holder of the task is warned. */
	private void warn(Step timer, CaseStep step) {
		UUID id = UUID.fromString(step.caseId());
		Application application = store.lock(id).orElseThrow();
		String task = timer.task().id();
		timeline.record(id, "DEADLINE_WARNING", "system",
				Map.of("step", task, "due", application.dueDate().toString()));
		workflow.tasksOf(step.processInstanceId())
			.stream()
			.filter(t -> t.step().equals(task))
			.map(WorkTask::assignee)
			.filter(Objects::nonNull)
			.forEach(assignee -> notices.staff(assignee, application, "DEADLINE_WARNING",
					"application.notice.named.deadline-warning", application.dueDate()));
	}

	/** Past the due date: the department's supervisors may work the task too. */
	private void escalate(Step timer, CaseStep step) {
		UUID id = UUID.fromString(step.caseId());
		Application application = store.lock(id).orElseThrow();
		String task = timer.task().id();
		workflow.tasksOf(step.processInstanceId())
			.stream()
			.filter(t -> t.step().equals(task))
			.forEach(t -> workflow.addGroup(t.id(), application.department() + ":SUPERVISOR"));
		timeline.record(id, "ESCALATED", "system", Map.of("step", task, "due", application.dueDate().toString()));
	}

	/**
	 * Working days from submission to the decision, as the citizen lived them (supplement
	 * time included).
	 */
	private int workingDays(Application a) {
		LocalDate submitted = a.submittedAt().atZone(deadlines.zone()).toLocalDate();
		return deadlines.workingDaysSince(submitted);
	}

}
