package org.onestop.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.workflow.WorkTask;
import org.onestop.workflow.Workflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of an application: the task inbox of a department and role, claiming,
 * giving back and taking over, and completing a task with the decision
 * {@link TaskDecisions} takes on its step.
 */
@Service
public class Casework {

	private final Workflow workflow;

	private final ApplicationStore store;

	private final TaskDecisions decisions;

	private final CaseStatus caseStatus;

	private final Deadlines deadlines;

	private final Timeline timeline;

	Casework(Workflow workflow, ApplicationStore store, TaskDecisions decisions, CaseStatus caseStatus,
			Deadlines deadlines, Timeline timeline) {
		this.workflow = workflow;
		this.store = store;
		this.decisions = decisions;
		this.caseStatus = caseStatus;
		this.deadlines = deadlines;
		this.timeline = timeline;
	}

	/** A task in the inbox, with what the inbox shows of its application. */
	public record TaskRow(String id, UUID applicationId, String reference, String serviceCode, String applicantName,
			String step, String name, String assignee, LocalDate dueDate, boolean escalated, String sla) {
	}

	static Set<String> groups(OneStopUser user) {
		if (!user.staff() || user.department() == null) {
			return Set.of();
		}
		return user.roles().stream().map(role -> user.department() + ":" + role.name()).collect(Collectors.toSet());
	}

	/**
	 * One page of a person's inbox: the rows, which page of what size, and how many tasks
	 * there are in all.
	 */
	public record Inbox(List<TaskRow> tasks, int page, int size, long total) {

		public long pages() {
			return Math.max(1, (total + size - 1) / size);
		}

		public boolean hasNext() {
			return (long) (page + 1) * size < total;
		}

		/** The position of the page's first task, counted from 1 (0 on an empty page). */
		public long from() {
			return tasks.isEmpty() ? 0 : (long) page * size + 1;
		}

		public long to() {
			return (long) page * size + tasks.size();
		}
	}

	public static final int DEFAULT_PAGE_SIZE = 50;
	static final int MAX_PAGE_SIZE = 500;

	public static final int MAX_PAGE = 10_000;

	/**
	 * A page of the tasks this person's department and roles may work on, and those they
	 * hold, oldest first.
	 */
	public Inbox inbox(OneStopUser user, int page, int size) {
		List<FieldProblem> problems = new ArrayList<>();
		if (page < 0 || page > MAX_PAGE) {
			problems.add(new FieldProblem("page", "application.inbox.page.invalid", 0, MAX_PAGE));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "application.inbox.size.invalid", 1, MAX_PAGE_SIZE));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Workflow.TaskPage tasks = workflow.inbox(user.username(), groups(user), page * size, size);
		Map<UUID, ApplicationStore.InboxFacts> cases = store
			.inboxFacts(tasks.tasks().stream().map(t -> UUID.fromString(t.caseId())).toList())
			.stream()
			.collect(Collectors.toMap(ApplicationStore.InboxFacts::id, Function.identity()));
		LocalDate today = deadlines.today();
		List<TaskRow> rows = new ArrayList<>();
		for (WorkTask task : tasks.tasks()) {
			ApplicationStore.InboxFacts a = cases.get(UUID.fromString(task.caseId()));
			if (a == null) {
				continue;
			}
			LocalDate due = a.dueDate();
			rows.add(new TaskRow(task.id(), a.id(), a.reference(), a.serviceCode(), a.applicantName(), task.step(),
					task.name(), task.assignee(), due, escalated(task, a.department()), sla(due, today)));
		}
		return new Inbox(rows, page, size, tasks.total());
	}

	/** RED: overdue or due today; AMBER: due within two days; GREEN otherwise. */
	static String sla(LocalDate due, LocalDate today) {
		if (due == null) {
			return "GREEN";
		}
		if (!due.isAfter(today)) {
			return "RED";
		}
		return due.isAfter(today.plusDays(2)) ? "GREEN" : "AMBER";
	}

	private static boolean escalated(WorkTask task, String department) {
		return task.groups().contains(department + ":SUPERVISOR")
				&& !Step.of(task.step()).map(Step::forSupervisors).orElse(false);
	}

	/**
	 * The task, if this person's department and roles may work on it (or they hold it);
	 * 404 otherwise.
	 */
	/** Whether this person may see and work on this task (theirs, or their groups'). */
	public boolean mayWork(OneStopUser user, WorkTask task) {
		return user.username().equals(task.assignee()) || task.groups().stream().anyMatch(groups(user)::contains);
	}

	public WorkTask visibleTask(OneStopUser user, String taskId) {
		Set<String> groups = groups(user);
		return workflow.task(taskId)
			.filter(t -> user.username().equals(t.assignee()) || t.groups().stream().anyMatch(groups::contains))
			.orElseThrow(() -> new NotFoundException("application.task.not-found"));
	}

	@Transactional
	public void claim(OneStopUser user, String taskId) {
		WorkTask task = visibleTask(user, taskId);
		if (user.username().equals(task.assignee())) {
			return;
		}
		if (task.assignee() != null && mayTakeOver(user, task)) {
			workflow.takeOver(task.id(), user.username());
			timeline.record(UUID.fromString(task.caseId()), "TASK_TAKEN_OVER", user.username(),
					Map.of("step", task.step(), "from", task.assignee()));
			return;
		}
		workflow.claim(task.id(), user.username());
		timeline.record(UUID.fromString(task.caseId()), "TASK_CLAIMED", user.username(), Map.of("step", task.step()));
	}

	/**
	 * The holder gives a task back; a supervisor may give back a task of their department
	 * that is escalated.
	 */
	@Transactional
	public void release(OneStopUser user, String taskId) {
		WorkTask task = visibleTask(user, taskId);
		if (task.assignee() == null) {
			return;
		}
		if (!user.username().equals(task.assignee()) && !mayTakeOver(user, task)) {
			throw new ConflictException("workflow.task.taken");
		}
		workflow.release(task.id());
		timeline.record(UUID.fromString(task.caseId()), "TASK_RELEASED", user.username(), Map.of("step", task.step()));
	}

	/**
	 * An overdue task is escalated to the department's supervisors, who may take it from
	 * its holder.
	 */
	private static boolean mayTakeOver(OneStopUser user, WorkTask task) {
		return user.has(Role.SUPERVISOR) && task.groups().contains(user.department() + ":SUPERVISOR");
	}

	@Transactional
	public Application complete(OneStopUser user, String taskId, TaskOutcome outcome) {
		WorkTask task = visibleTask(user, taskId);
		if (task.assignee() != null && !task.assignee().equals(user.username())) {
			if (!mayTakeOver(user, task)) {
				throw new ConflictException("workflow.task.taken");
			}
			claim(user, taskId);
		}
		UUID id = UUID.fromString(task.caseId());
		Application application = store.lock(id).orElseThrow();
		Map<String, Object> variables = decisions.decide(user, task.step(), application, outcome);
		workflow.complete(task.id(), user.username(), variables);
		caseStatus.refresh(id);
		return store.find(id).orElseThrow();
	}

}
