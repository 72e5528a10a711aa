package org.onestop.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.workflow.Workflow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff inbox pages through every open task, however many: 2,000 acceptance tasks of
 * a department of their own (so that no other test's inbox sees them), through the API
 * and the page, then removed again.
 */
@IntegrationTest
class InboxPagingIntegrationTests {

	private static final String DEPARTMENT = "ZZ";

	private static final int TASKS = 2000;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Workflow workflow;

	@Autowired
	TransactionTemplate transactions;

	private final RequestPostProcessor clerk = signedIn(
			new OneStopUser("load.clerk", "分页测试", true, null, DEPARTMENT, Set.of(Role.CLERK)));

	@Test
	void twoThousandOpenTasksArePagedWithCountsAndEveryOneIsReachable() throws Exception {
		List<String> processes = openTasks();
		try {
			mvc.perform(get("/api/v1/staff/tasks").with(clerk))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(TASKS))
				.andExpect(jsonPath("$.page").value(0))
				.andExpect(jsonPath("$.size").value(50))
				.andExpect(jsonPath("$.pages").value(40))
				.andExpect(jsonPath("$.tasks.length()").value(50));
			// Every task once, oldest first, across the pages (several tasks share a
			// creation millisecond).
			List<String> seen = new ArrayList<>();
			for (int page = 0; page < 4; page++) {
				String body = mvc.perform(
						get("/api/v1/staff/tasks").param("page", String.valueOf(page)).param("size", "500").with(clerk))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				seen.addAll(JsonPath.read(body, "$.tasks[*].applicationId"));
			}
			assertThat(seen).hasSize(TASKS).doesNotHaveDuplicates();
			assertThat(new HashSet<>(seen))
				.isEqualTo(new HashSet<>(db.sql("SELECT id::text FROM application WHERE department = :d")
					.param("d", DEPARTMENT)
					.query(String.class)
					.list()));
			mvc.perform(get("/api/v1/staff/tasks").param("page", "40").with(clerk))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(TASKS))
				.andExpect(jsonPath("$.tasks.length()").value(0));
			mvc.perform(get("/api/v1/staff/tasks").param("size", "501")
				.param("page", "-1")
				.header("Accept-Language", "en")
				.with(clerk))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("page"))
				.andExpect(jsonPath("$.errors[1].field").value("size"))
				.andExpect(jsonPath("$.errors[1].message").value("Page size must be a whole number from 1 to 500"));

			mvc.perform(get("/staff/tasks").header("Accept-Language", "en").with(clerk))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Tasks 1 to 50 of 2,000")))
				.andExpect(content().string(containsString("Page 1 of 40")))
				.andExpect(content().string(containsString("href=\"/staff/tasks?page=1\"")))
				.andExpect(content().string(not(containsString("rel=\"prev\""))));
			mvc.perform(get("/staff/tasks").param("page", "1").with(clerk))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("第 51–100 项，共 2,000 项任务")))
				.andExpect(content().string(containsString("href=\"/staff/tasks?page=0\"")))
				.andExpect(content().string(containsString("href=\"/staff/tasks?page=2\"")));
			mvc.perform(get("/staff/tasks").param("page", "39").header("Accept-Language", "en").with(clerk))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Tasks 1,951 to 2,000 of 2,000")))
				.andExpect(content().string(containsString("rel=\"prev\"")))
				.andExpect(content().string(not(containsString("rel=\"next\""))));
		}
		finally {
			for (int from = 0; from < processes.size(); from += 250) {
				List<String> chunk = processes.subList(from, Math.min(processes.size(), from + 250));
				transactions
					.executeWithoutResult(status -> chunk.forEach(p -> workflow.cancel(p, "inbox paging test")));
			}
			db.sql("DELETE FROM application WHERE department = :d").param("d", DEPARTMENT).update();
		}
	}

	/**
	 * Applications waiting for acceptance, each with its case process, made in a few
	 * large transactions.
	 */
	private List<String> openTasks() {
		List<UUID> ids = db
			.sql("""
					INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
					  form_revision, department, status, explanation, created_at, updated_at, submitted_at)
					SELECT gen_random_uuid(), 'load.citizen', '110106198806158882', '分页测试', 'CA-ELD-001', 1, 1, :d,
					  'SUBMITTED', 'inbox paging test', now(), now(), now()
					FROM generate_series(1, :n)
					RETURNING id""")
			.param("d", DEPARTMENT)
			.param("n", TASKS)
			.query(UUID.class)
			.list();
		Instant far = Instant.now().plus(365, ChronoUnit.DAYS);
		Map<String, Object> variables = CaseVariables.atStart(DEPARTMENT, false, far, far);
		List<String> processes = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 250) {
			List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 250));
			transactions.executeWithoutResult(status -> chunk
				.forEach(id -> processes.add(workflow.start("matter-application", id.toString(), variables))));
		}
		return processes;
	}

	private static RequestPostProcessor signedIn(OneStopUser user) {
		return authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_STAFF"), new SimpleGrantedAuthority("ROLE_CLERK"))));
	}

}
