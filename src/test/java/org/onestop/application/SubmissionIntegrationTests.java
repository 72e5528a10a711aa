package org.onestop.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pre-check tells everything at once; submission is exactly once per Idempotency-Key,
 * even under a race.
 */
@IntegrationTest
class SubmissionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Test
	void thePrecheckReportsEveryProblemAtOnceEachWithWhatToDo() throws Exception {
		// Li Na is 38: too young for the elderly allowance, and the form below is also
		// missing a value.
		String body = mvc
			.perform(post("/api/v1/applications/precheck").header("Authorization", Citizens.token(mvc, "li.na"))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"TR-SEN-001\",\"fields\":{}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passed").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(body, "$.problems[*].code");
		assertThat(codes).contains("NOT_ELIGIBLE_AGE");
		List<String> remedies = JsonPath.read(body, "$.problems[*].remedy");
		assertThat(remedies).allSatisfy(r -> assertThat(r).isNotBlank());
		String eld = mvc
			.perform(post("/api/v1/applications/precheck").header("Authorization", Citizens.token(mvc, "wang.fang"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((Boolean) JsonPath.read(eld, "$.passed")).as(eld).isTrue();
	}

	@Test
	void problemsBlockSubmissionOnlyUntilTheCitizenExplains() throws Exception {
		String token = Citizens.token(mvc, "zhao.lei");
		mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Accept-Language", "en")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[?(@.code == 'NOT_ELIGIBLE_AGE')]").exists());
		// Not mechanically rejected: with an explanation it goes to a person (a clerk,
		// since it did not pass).
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", token)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{},\"explanation\":\"身份证上的出生年份登记错误，实际已满70周岁\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.dueDate").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		String tasks = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/staff/tasks?size=500")
				.header("Authorization", Citizens.token(mvc, "clerk.civil")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(tasks, "$.tasks[?(@.applicationId == '" + id + "')].name"))
			.singleElement()
			.asString()
			.contains("受理");
	}

	@Test
	void aSubmissionWritesEveryTimelineEntryRegistryReadAndAuditEntryInOrder() throws Exception {
		// Issue 18 writes these with one statement per table: the rows must all be there,
		// in the order things happened.
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", Citizens.token(mvc, "wang.fang"))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		String reference = JsonPath.read(created, "$.reference");

		// The row names the process started for it, whose first task waits for review.
		assertThat(db.sql("""
				SELECT t.task_def_key_ FROM application a JOIN act_ru_task t ON t.proc_inst_id_ = a.process_instance_id
				WHERE a.id = :id AND a.status = 'IN_REVIEW'""")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list()).containsExactly("review");
		assertThat(db.sql("SELECT kind FROM application_event WHERE application_id = :id ORDER BY id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list()).containsExactly("SUBMITTED", "ACCEPTED");
		assertThat(db.sql("SELECT action FROM audit_entry WHERE subject = :s ORDER BY id")
			.param("s", "application:" + id)
			.query(String.class)
			.list()).containsExactly("application.submitted", "application.accepted");
		List<String> registries = db.sql("SELECT registry FROM registry_access WHERE purpose LIKE :p ORDER BY registry")
			.param("p", "%" + reference + "%")
			.query(String.class)
			.list();
		assertThat(registries).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
		assertThat(
				db.sql("SELECT action FROM audit_entry WHERE action LIKE 'registry.%' AND summary LIKE :p ORDER BY 1")
					.param("p", "%" + reference + "%")
					.query(String.class)
					.list())
			.containsExactlyElementsOf(registries.stream().map(r -> "registry." + r + ".read").toList());
	}

	@Test
	void aMissingIdempotencyKeyIsRefused() throws Exception {
		mvc.perform(post("/api/v1/applications").header("Authorization", Citizens.token(mvc, "wang.fang"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
	}

	@Test
	void theSameKeyAgainReturnsTheSameApplicationAndADifferentRequestUnderItIsRefused() throws Exception {
		String token = Citizens.token(mvc, "wang.fang");
		String key = UUID.randomUUID().toString();
		String body = "{\"serviceCode\":\"PS-DL-001\",\"fields\":{\"mailingAddress\":\"北京市海淀区万寿路10号\"},\"explanation\":\"见附件\"}";
		String first = mvc
			.perform(post("/api/v1/applications").header("Authorization", token)
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")));
		mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("10号", "12号"))).andExpect(status().isUnprocessableEntity());
	}

	@Test
	void anIdempotencyKeyMayBeUpTo200CharactersLong() throws Exception {
		Citizen citizen = accounts.register(residents.aged(45).create());
		String body = "{\"serviceCode\":\"PS-DL-001\",\"fields\":{\"mailingAddress\":\"北京市海淀区万寿路10号\"},\"explanation\":\"见附件\"}";
		mvc.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
			.header("Accept-Language", "en")
			.header("Idempotency-Key", "k".repeat(201))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
		submit(citizen, "k".repeat(200), body);
	}

	@Test
	void anIdempotencyKeyIsEachApplicantsOwn() throws Exception {
		// Keys are chosen by clients, so two people may send the same one: the second
		// gets an application of their own, never a replay of the first one's.
		Citizen first = accounts.register(residents.aged(45).create());
		Citizen second = accounts.register(residents.aged(45).create());
		String key = UUID.randomUUID().toString();
		String body = "{\"serviceCode\":\"PS-DL-001\",\"fields\":{\"mailingAddress\":\"北京市海淀区万寿路10号\"},\"explanation\":\"见附件\"}";
		String firstId = JsonPath.read(submit(first, key, body), "$.id");
		String secondId = JsonPath.read(submit(second, key, body), "$.id");
		assertThat(secondId).isNotEqualTo(firstId);
		assertThat(db.sql("SELECT applicant FROM application WHERE id = :id")
			.param("id", UUID.fromString(secondId))
			.query(String.class)
			.single()).isEqualTo(second.resident().idNumber().value());
		assertThat(db.sql("SELECT count(*) FROM application WHERE idempotency_key = :k")
			.param("k", key)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private String submit(Citizen citizen, String key, String body) throws Exception {
		return mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void concurrentIdenticalSubmissionsMakeOneApplicationAndOneProcess() throws Exception {
		String token = Citizens.token(mvc, "wang.fang");
		String key = UUID.randomUUID().toString();
		String body = "{\"serviceCode\":\"TR-SEN-001\",\"fields\":{\"mailingAddress\":\"北京市海淀区万寿路10号\"}}";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<MvcResult>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(
						() -> mvc
							.perform(post("/api/v1/applications").header("Authorization", token)
								.header("Idempotency-Key", key)
								.contentType(MediaType.APPLICATION_JSON)
								.content(body))
							.andReturn());
			}
			Set<String> ids = new HashSet<>();
			for (Future<MvcResult> result : pool.invokeAll(calls)) {
				assertThat(result.get().getResponse().getStatus()).isEqualTo(201);
				ids.add(JsonPath.read(result.get().getResponse().getContentAsString(), "$.id"));
			}
			assertThat(ids).hasSize(1);
			UUID id = UUID.fromString(ids.iterator().next());
			assertThat(db.sql("SELECT count(*) FROM application WHERE idempotency_key = :k")
				.param("k", key)
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(db.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = :k AND parent_id_ IS NULL")
				.param("k", id.toString())
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
	}

}
