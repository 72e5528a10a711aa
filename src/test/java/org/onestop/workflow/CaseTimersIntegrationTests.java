package org.onestop.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deadline timers are database jobs: they outlive the executor that scheduled them. The
 * test stops the job executor (as a node going down would), lets the deadlines pass,
 * starts a fresh executor, and sees the warning and the escalation happen, once each.
 */
@IntegrationTest
class CaseTimersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	SpringProcessEngineConfiguration engine;

	@Autowired
	ManagementService management;

	@Test
	void warningAndEscalationFireFromTheDatabaseAfterTheExecutorRestarts() throws Exception {
		String citizen = "Bearer " + Tokens.of(mvc, "wang.fang");
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		String process = db.sql("SELECT process_instance_id FROM application WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
		List<Job> timers = management.createTimerJobQuery().processInstanceId(process).list();
		assertThat(timers).hasSize(2).allSatisfy(t -> assertThat(t.getDuedate().toInstant()).isAfter(Instant.now()));

		engine.getAsyncExecutor().shutdown();
		try {
			db.sql("UPDATE act_ru_timer_job SET duedate_ = now() - interval '1 minute' WHERE process_instance_id_ = :p")
				.param("p", process)
				.update();
		}
		finally {
			engine.getAsyncExecutor().start();
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (management.createTimerJobQuery().processInstanceId(process).count() > 0
				|| management.createJobQuery().processInstanceId(process).count() > 0) {
			assertThat(Instant.now()).as("timers fired within a minute").isBefore(deadline);
			Thread.sleep(250);
		}
		String reviewerToken = "Bearer " + Tokens.of(mvc, "reviewer.civil");
		String view = mvc.perform(get("/api/v1/applications/" + id).header("Authorization", reviewerToken))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> kinds = JsonPath.read(view, "$.timeline[*].kind");
		assertThat(kinds).containsOnlyOnce("DEADLINE_WARNING", "ESCALATED");
		// The citizen's view of the same application leaves the department's internal
		// steps out.
		String citizenView = mvc.perform(get("/api/v1/applications/" + id).header("Authorization", citizen))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(citizenView, "$.timeline[*].kind")).doesNotContain("DEADLINE_WARNING",
				"ESCALATED");
		assertThat((List<Object>) JsonPath.read(citizenView, "$.timeline[*].actor")).isEmpty();
		// The overdue review now shows in the supervisor's inbox, still with the
		// reviewers too.
		String supervisor = mvc
			.perform(get("/api/v1/staff/tasks?size=500").header("Authorization",
					"Bearer " + Tokens.of(mvc, "supervisor.civil")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<Boolean>) JsonPath.read(supervisor, "$.tasks[?(@.applicationId == '" + id + "')].escalated"))
			.containsExactly(true);
		String reviewer = mvc.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", reviewerToken))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> taskIds = JsonPath.read(reviewer, "$.tasks[?(@.applicationId == '" + id + "')].id");
		assertThat(taskIds).hasSize(1);
		// The reviewer holds it and is away: the supervisor takes it over and decides.
		mvc.perform(post("/api/v1/staff/tasks/" + taskIds.get(0) + "/claim").header("Authorization", reviewerToken))
			.andExpect(status().isOk());
		String supervisorToken = "Bearer " + Tokens.of(mvc, "supervisor.civil");
		mvc.perform(post("/api/v1/staff/tasks/" + taskIds.get(0) + "/complete").header("Authorization", supervisorToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"APPROVE\"}"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
				.value("APPROVED"));
	}

}
