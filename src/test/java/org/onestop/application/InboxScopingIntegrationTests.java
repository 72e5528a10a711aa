package org.onestop.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.flowable.engine.TaskService;
import org.flowable.task.api.TaskInfo;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.workflow.Workflow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox reads its page from Flowable's tables directly (issue 18): it must hold
 * exactly the tasks, in exactly the order, that Flowable's own task query gives for the
 * same person and groups, page by page, including a task of another department the person
 * holds, and nothing else of that department.
 */
@IntegrationTest
class InboxScopingIntegrationTests {

	@Autowired
	JdbcClient db;

	@Autowired
	Workflow workflow;

	@Autowired
	Casework casework;

	@Autowired
	TaskService tasks;

	@Autowired
	TransactionTemplate transactions;

	private final OneStopUser clerk = new OneStopUser("scope.clerk", "范围测试", true, null, "XA", Set.of(Role.CLERK));

	@Test
	void pagesHoldWhatFlowablesTaskQueryHoldsInTheSameOrder() {
		List<String> processes = new ArrayList<>(openTasks("XA", 23));
		processes.addAll(openTasks("XB", 9));
		try {
			String held = workflow.tasksOf(processes.get(processes.size() - 1)).get(0).id();
			transactions.executeWithoutResult(s -> workflow.claim(held, clerk.username()));
			Set<String> groups = Casework.groups(clerk);

			List<String> expected = flowable(clerk.username(), groups);
			assertThat(expected).hasSize(24).contains(held);
			List<String> paged = new ArrayList<>();
			for (int page = 0; page < 4; page++) {
				Casework.Inbox inbox = casework.inbox(clerk, page, 7);
				assertThat(inbox.total()).isEqualTo(24);
				inbox.tasks().forEach(t -> paged.add(t.id()));
			}
			assertThat(paged).isEqualTo(expected);
			// What a page says of each task is what Flowable says of it.
			assertThat(workflow.inbox(clerk.username(), groups, 0, 100).tasks())
				.isEqualTo(expected.stream().map(id -> workflow.task(id).orElseThrow()).toList());
			assertThat(workflow.inbox("nobody.here", List.of(), 0, 10).total()).isZero();

			// A task that names two of the person's groups is one task, counted and
			// listed
			// once, with both groups.
			OneStopUser supervisor = new OneStopUser("scope.supervisor", "范围测试", true, null, "XA",
					Set.of(Role.CLERK, Role.SUPERVISOR));
			String both = expected.get(3);
			transactions.executeWithoutResult(s -> tasks.addCandidateGroup(both, "XA:SUPERVISOR"));
			Workflow.TaskPage page = workflow.inbox(supervisor.username(), Casework.groups(supervisor), 0, 100);
			assertThat(page.total()).isEqualTo(23);
			assertThat(page.tasks()).extracting(t -> t.id()).doesNotHaveDuplicates().hasSize(23).contains(both);
			assertThat(page.tasks()).filteredOn(t -> t.id().equals(both))
				.singleElement()
				.satisfies(t -> assertThat(t.groups()).containsExactlyInAnyOrder("XA:CLERK", "XA:SUPERVISOR"));

			// A small inbox is counted afresh on every call: a new task shows at once.
			processes.addAll(openTasks("XA", 1));
			assertThat(casework.inbox(clerk, 0, 7).total()).isEqualTo(25);
		}
		finally {
			transactions
				.executeWithoutResult(status -> processes.forEach(p -> workflow.cancel(p, "inbox scoping test")));
			db.sql("DELETE FROM application WHERE department IN ('XA', 'XB')").update();
		}
	}

	/** What the inbox asked Flowable before issue 18, every task of it in order. */
	private List<String> flowable(String username, Collection<String> groups) {
		return tasks.createTaskQuery()
			.or()
			.taskAssignee(username)
			.taskCandidateGroupIn(groups)
			.ignoreAssigneeValue()
			.endOr()
			.orderByTaskCreateTime()
			.asc()
			.orderByTaskId()
			.asc()
			.list()
			.stream()
			.map(TaskInfo::getId)
			.toList();
	}

	private List<String> openTasks(String department, int count) {
		List<UUID> ids = db
			.sql("""
					INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
					  form_revision, department, status, explanation, created_at, updated_at, submitted_at)
					SELECT gen_random_uuid(), 'scope.citizen', '110106198806158882', '范围测试', 'CA-ELD-001', 1, 1, :d,
					  'SUBMITTED', 'inbox scoping test', now(), now(), now()
					FROM generate_series(1, :n)
					RETURNING id""")
			.param("d", department)
			.param("n", count)
			.query(UUID.class)
			.list();
		Instant far = Instant.now().plus(365, ChronoUnit.DAYS);
		Map<String, Object> variables = CaseVariables.atStart(department, false, far, far);
		List<String> processes = new ArrayList<>();
		transactions.executeWithoutResult(status -> ids
			.forEach(id -> processes.add(workflow.start("matter-application", id.toString(), variables))));
		return processes;
	}

}
