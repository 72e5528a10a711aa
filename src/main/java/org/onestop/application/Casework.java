package org.onestop.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.application.Application.Decision;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.ConflictException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.workflow.WorkTask;
import org.onestop.workflow.Workflow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of an application: the task inbox of a department and role, claiming, and the
 * decisions taken on each step. The rules of P5 live here: a rejection carries its reason, legal basis
 * and remedy; one supplement round, a second only with a supervisor; a second rejection within 180 days
 * does not take effect but goes to a supervisor, whose decision is logged.
 */
@Service
public class Casework {

	static final Duration REPEAT_REJECTION_WINDOW = Duration.ofDays(180);
	private static final int MAX_TEXT = 2000;

	private final Workflow workflow;
	private final ApplicationStore store;
	private final CaseStatus caseStatus;
	private final Deadlines deadlines;
	private final Timeline timeline;
	private final CitizenNotices notices;
	private final JdbcClient db;
	private final Clock clock;

	Casework(Workflow workflow, ApplicationStore store, CaseStatus caseStatus, Deadlines deadlines, Timeline timeline,
			CitizenNotices notices, JdbcClient db, Clock clock) {
		this.workflow = workflow;
		this.store = store;
		this.caseStatus = caseStatus;
		this.deadlines = deadlines;
		this.timeline = timeline;
		this.notices = notices;
		this.db = db;
		this.clock = clock;
	}

	/** A task in the inbox, with what the inbox shows of its application. */
	public record TaskRow(String id, UUID applicationId, String serviceCode, String applicantName, String step,
			String name, String assignee, LocalDate dueDate, boolean escalated, String sla) {
	}

	static Set<String> groups(OneStopUser user) {
		if (!user.staff() || user.department() == null) {
			return Set.of();
		}
		return user.roles().stream().map(role -> user.department() + ":" + role.name()).collect(Collectors.toSet());
	}

	/** One page of a person's inbox: the rows, which page of what size, and how many tasks there are in all. */
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

	static final int DEFAULT_PAGE_SIZE = 50;
	static final int MAX_PAGE_SIZE = 500;
	static final int MAX_PAGE = 10_000;

	/** A page of the tasks this person's department and roles may work on, and those they hold, oldest first. */
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
		Map<UUID, Application> applications = store.all(tasks.tasks().stream().map(t -> UUID.fromString(t.caseId())).toList())
			.stream().collect(Collectors.toMap(Application::id, Function.identity()));
		LocalDate today = deadlines.today();
		List<TaskRow> rows = new ArrayList<>();
		for (WorkTask task : tasks.tasks()) {
			Application a = applications.get(UUID.fromString(task.caseId()));
			if (a == null) {
				continue;
			}
			LocalDate due = a.dueDate();
			rows.add(new TaskRow(task.id(), a.id(), a.serviceCode(), a.applicantName(), task.step(), task.name(),
					task.assignee(), due, escalated(task, a), sla(due, today)));
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

	private static boolean escalated(WorkTask task, Application a) {
		return task.groups().contains(a.department() + ":SUPERVISOR") && !task.step().startsWith("supervisor")
				&& !task.step().equals("supplementApproval");
	}

	/** The task, if this person's department and roles may work on it (or they hold it); 404 otherwise. */
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

	/** The holder gives a task back; a supervisor may give back a task of their department that is escalated. */
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

	/** An overdue task is escalated to the department's supervisors, who may take it from its holder. */
	private static boolean mayTakeOver(OneStopUser user, WorkTask task) {
		return user.has(org.onestop.identity.Role.SUPERVISOR)
				&& task.groups().contains(user.department() + ":SUPERVISOR");
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
		String what = outcome.outcome() == null ? "" : outcome.outcome().strip();
		Map<String, Object> variables = new HashMap<>();
		variables.put("outcome", what);
		switch (task.step()) {
			case "acceptance" -> acceptance(user, application, what, outcome, variables);
			case "review" -> review(user, application, what, outcome, variables);
			case "fieldVisit" -> fieldVisit(user, application, what, outcome);
			case "supervisorReview" -> supervisorReview(user, application, what, outcome);
			case "supplementApproval" -> supplementApproval(user, application, what, outcome);
			default -> throw new ConflictException("application.task.unknown-step");
		}
		workflow.complete(task.id(), user.username(), variables);
		caseStatus.refresh(id);
		return store.find(id).orElseThrow();
	}

	private void acceptance(OneStopUser user, Application a, String what, TaskOutcome o, Map<String, Object> vars) {
		switch (what) {
			case "ACCEPT" -> timeline.record(a.id(), "ACCEPTED", user.username(), Map.of());
			case "REQUEST_SUPPLEMENT" -> {
				if (a.supplementRounds() > 0) {
					throw new ConflictException("application.supplement.acceptance-once");
				}
				requireItems(o);
				vars.put("returnTo", "acceptance");
				requestSupplement(user.username(), a, o.items(), text(o.reason()));
			}
			default -> throw unknownOutcome(what, "ACCEPT, REQUEST_SUPPLEMENT");
		}
	}

	private void review(OneStopUser user, Application a, String what, TaskOutcome o, Map<String, Object> vars) {
		vars.put("supplementNeedsApproval", false);
		vars.put("secondRejection", false);
		vars.put("returnTo", "review");
		switch (what) {
			case "APPROVE" -> decide(a, new Decision("APPROVED", user.username(), clock.instant(), text(o.reason()),
					text(o.legalBasis()), null, null, null));
			case "REQUEST_SUPPLEMENT" -> {
				requireItems(o);
				if (a.supplementRounds() >= 1) {
					// One round only: a second needs a supervisor's approval, with a reason.
					vars.put("supplementNeedsApproval", true);
					vars.put("pendingItems", store.write(o.items()));
					vars.put("pendingReason", text(o.reason()));
					vars.put("pendingBy", user.username());
					timeline.record(a.id(), "SECOND_SUPPLEMENT_PROPOSED", user.username(), Map.of("items", o.items()));
				}
				else {
					requestSupplement(user.username(), a, o.items(), text(o.reason()));
				}
			}
			case "REJECT" -> {
				requireRejectionGrounds(o);
				Decision rejection = new Decision("REJECTED", user.username(), clock.instant(), o.reason().strip(),
						o.legalBasis().strip(), o.remedy().strip(), null, null);
				// Serialise rejections of one resident and matter, so two at once cannot both be "the first".
				db.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
					.param("key", "rejection:" + a.applicantIdNumber() + ":" + a.serviceCode()).query().singleRow();
				boolean second = store.rejectionsSince(a.applicantIdNumber(), a.serviceCode(),
						clock.instant().minus(REPEAT_REJECTION_WINDOW), a.id()) > 0;
				vars.put("secondRejection", second);
				if (second) {
					vars.put("pendingRejection", store.write(rejection));
					timeline.record(a.id(), "REJECTION_HELD", user.username(), Map.of("reason", rejection.reason()));
				}
				else {
					decide(a, rejection);
				}
			}
			case "FIELD_VISIT" -> {
				timeline.record(a.id(), "FIELD_VISIT_REQUESTED", user.username(), Map.of("reason", text(o.reason())));
				notices.citizen(a, "FIELD_VISIT", "application.notice.field-visit", a.serviceCode());
			}
			default -> throw unknownOutcome(what, "APPROVE, REQUEST_SUPPLEMENT, REJECT, FIELD_VISIT");
		}
	}

	private void fieldVisit(OneStopUser user, Application a, String what, TaskOutcome o) {
		if (!"REPORT".equals(what)) {
			throw unknownOutcome(what, "REPORT");
		}
		if (o.findings() == null || o.findings().isBlank()) {
			throw new InvalidInputException("findings", "application.outcome.findings.required");
		}
		if (o.findings().length() > MAX_TEXT) {
			throw new InvalidInputException("findings", "application.field.too-long");
		}
		timeline.record(a.id(), "FIELD_VISIT_REPORTED", user.username(), Map.of("findings", o.findings().strip()));
	}

	private void supervisorReview(OneStopUser user, Application a, String what, TaskOutcome o) {
		Map<String, Object> process = workflow.variables(a.processInstanceId());
		Decision held = process.get("pendingRejection") instanceof String s
				? store.read(s, new com.fasterxml.jackson.core.type.TypeReference<Decision>() {
				}) : null;
		if (held != null && user.username().equals(held.by())) {
			// A second pair of eyes is the point of the supervisor's review.
			throw new ConflictException("application.supervisor.own-decision");
		}
		switch (what) {
			case "APPROVE_WITH_ADJUSTMENT" -> {
				List<FieldProblem> problems = new ArrayList<>();
				require(problems, "adjustedRule", o.adjustedRule(), "application.outcome.adjusted-rule.required");
				require(problems, "justification", o.justification(), "application.outcome.justification.required");
				throwIfAny(problems);
				logDiscretion(user, a, what, o.adjustedRule(), o.justification());
				decide(a, new Decision("APPROVED", user.username(), clock.instant(), null, null, null,
						o.adjustedRule().strip(), o.justification().strip()));
			}
			case "FIELD_VISIT" -> {
				requireReason(o);
				logDiscretion(user, a, what, null, o.reason());
				notices.citizen(a, "FIELD_VISIT", "application.notice.field-visit", a.serviceCode());
			}
			case "INVITE_CONSULTATION" -> {
				requireReason(o);
				logDiscretion(user, a, what, null, o.reason());
				openRequest(a, "CONSULTATION", List.of(), o.reason().strip(), user.username());
				notices.citizen(a, "CONSULTATION", "application.notice.consultation", a.serviceCode());
			}
			case "CONFIRM_REJECTION" -> {
				requireReason(o);
				logDiscretion(user, a, what, null, o.reason());
				String legalBasis = firstNonBlank(o.legalBasis(), held == null ? null : held.legalBasis());
				String remedy = firstNonBlank(o.remedy(), held == null ? null : held.remedy());
				if (legalBasis == null || remedy == null) {
					requireRejectionGrounds(o);
				}
				decide(a, new Decision("REJECTED", user.username(), clock.instant(), o.reason().strip(), legalBasis,
						remedy, null, o.reason().strip()));
			}
			default -> throw unknownOutcome(what,
					"APPROVE_WITH_ADJUSTMENT, FIELD_VISIT, INVITE_CONSULTATION, CONFIRM_REJECTION");
		}
	}

	private void supplementApproval(OneStopUser user, Application a, String what, TaskOutcome o) {
		requireReason(o);
		Map<String, Object> process = workflow.variables(a.processInstanceId());
		if (user.username().equals(process.get("pendingBy"))) {
			throw new ConflictException("application.supervisor.own-decision");
		}
		switch (what) {
			case "APPROVE_SUPPLEMENT" -> {
				logDiscretion(user, a, what, null, o.reason());
				List<String> items = store.read((String) process.get("pendingItems"),
						new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
						});
				requestSupplement((String) process.get("pendingBy"), a, items, (String) process.get("pendingReason"));
			}
			case "DENY_SUPPLEMENT" -> logDiscretion(user, a, what, null, o.reason());
			default -> throw unknownOutcome(what, "APPROVE_SUPPLEMENT, DENY_SUPPLEMENT");
		}
	}

	/** Asks the citizen for every missing item at once and stops the SLA clock until they answer. */
	private void requestSupplement(String by, Application a, List<String> items, String reason) {
		openRequest(a, "SUPPLEMENT", items, reason, by);
		store.clockStopped(a.id(), deadlines.today(), true);
		timeline.record(a.id(), "SUPPLEMENT_REQUESTED", by, Map.of("items", items, "round", a.supplementRounds() + 1));
		notices.citizen(a, "SUPPLEMENT_REQUESTED", "application.notice.supplement", a.serviceCode());
	}

	private void openRequest(Application a, String kind, List<String> items, String reason, String by) {
		db.sql("""
				INSERT INTO application_request (id, application_id, kind, items, reason, requested_by, requested_at)
				VALUES (:id, :a, :kind, :items::jsonb, :reason, :by, :at)""")
			.param("id", UUID.randomUUID()).param("a", a.id()).param("kind", kind).param("items", store.write(items))
			.param("reason", reason).param("by", by).param("at", Timestamp.from(clock.instant())).update();
	}

	/** Records a decision; the process's closing step (issue or record the rejection) makes it final. */
	private void decide(Application a, Decision decision) {
		db.sql("UPDATE application SET decision = :d::jsonb WHERE id = :id").param("d", store.write(decision))
			.param("id", a.id()).update();
	}

	private void logDiscretion(OneStopUser user, Application a, String outcome, String adjustedRule,
			String justification) {
		db.sql("""
				INSERT INTO discretion_log (application_id, at, actor, department, outcome, adjusted_rule, justification)
				VALUES (:a, :at, :actor, :dept, :outcome, :rule, :why)""")
			.param("a", a.id()).param("at", Timestamp.from(clock.instant())).param("actor", user.username())
			.param("dept", a.department()).param("outcome", outcome)
			.param("rule", adjustedRule == null ? null : adjustedRule.strip()).param("why", justification.strip())
			.update();
		timeline.record(a.id(), "SUPERVISOR_" + outcome, user.username(), Map.of("justification", limited(justification)));
	}

	private static void requireItems(TaskOutcome o) {
		if (o.items().isEmpty()) {
			throw new InvalidInputException("items", "application.outcome.items.required");
		}
		if (o.items().size() > 50 || o.items().stream().anyMatch(i -> i.length() > 500)) {
			throw new InvalidInputException("items", "application.field.too-long");
		}
	}

	private static void requireRejectionGrounds(TaskOutcome o) {
		List<FieldProblem> problems = new ArrayList<>();
		require(problems, "reason", o.reason(), "application.outcome.reason.required");
		require(problems, "legalBasis", o.legalBasis(), "application.outcome.legal-basis.required");
		require(problems, "remedy", o.remedy(), "application.outcome.remedy.required");
		throwIfAny(problems);
	}

	private static void requireReason(TaskOutcome o) {
		List<FieldProblem> problems = new ArrayList<>();
		require(problems, "reason", o.reason(), "application.outcome.reason.required");
		throwIfAny(problems);
	}

	private static void require(List<FieldProblem> problems, String field, String value, String key) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, key));
		}
		else if (value.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "application.field.too-long"));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static ProblemException unknownOutcome(String what, String allowed) {
		return new InvalidInputException("outcome", "application.outcome.unknown", what, allowed);
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : limited(value);
	}

	private static String limited(String value) {
		String v = value.strip();
		return v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v;
	}

	private static String firstNonBlank(String a, String b) {
		return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b : null;
	}
}
