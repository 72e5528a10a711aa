package org.onestop.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A life event's bundle asks each item once and fans out; each application's burden is
 * measured.
 */
@IntegrationTest
class BundleAndBurdenIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Burden burden;

	@Autowired
	ObjectMapper json;

	static String sample(Map<String, Object> field) {
		return switch ((String) field.get("type")) {
			case "DATE" -> "2026-11-01";
			case "NUMBER" -> "1";
			case "ID_NUMBER" -> "110101199003071233";
			case "PHONE" -> "13800138000";
			case "BANK_ACCOUNT" -> "6222020200112233445";
			case "CONSENT" -> "true";
			case "SELECT" -> (String) ((List<Map<String, Object>>) field.get("options")).get(0).get("value");
			default -> "测试内容";
		};
	}

	@Test
	void aBundleAsksEachItemOnceAndMakesOneApplicationPerMatter() throws Exception {
		String token = Citizens.token(mvc, "li.na");
		String form = mvc.perform(get("/api/v1/life-events/baby/form").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> matters = JsonPath.read(form, "$.matters");
		assertThat(matters).hasSizeGreaterThanOrEqualTo(3);
		List<Map<String, Object>> fields = JsonPath.read(form, "$.fields");
		List<String> names = fields.stream().map(f -> (String) f.get("name")).toList();
		assertThat(names).doesNotHaveDuplicates();
		// At least one item is shared by several matters, and asked once.
		assertThat(fields).anySatisfy(f -> assertThat((List<?>) f.get("matters")).hasSizeGreaterThan(1));
		Map<String, String> typed = new LinkedHashMap<>();
		fields.stream()
			.filter(f -> !(Boolean) f.get("readOnly"))
			.forEach(f -> typed.put((String) f.get("name"), sample(f)));
		String key = UUID.randomUUID().toString();
		String request = json
			.writeValueAsString(Map.of("lifeEvent", "baby", "fields", typed, "explanation", "孩子刚出生，材料在医院办理中"));
		String created = mvc
			.perform(post("/api/v1/bundles").header("Authorization", token)
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(created, "$.applications[*].serviceCode");
		assertThat(codes).containsExactlyInAnyOrderElementsOf(matters);
		Set<String> departments = db.sql("SELECT department FROM application WHERE bundle_id = :b")
			.param("b", UUID.fromString(JsonPath.read(created, "$.id")))
			.query(String.class)
			.set();
		assertThat(departments).hasSizeGreaterThan(1);
		assertThat((String) JsonPath.read(created, "$.status")).isIn("IN_PROGRESS", "AWAITING_CITIZEN");
		// The same key again is the same bundle; another citizen cannot see it.
		mvc.perform(post("/api/v1/bundles").header("Authorization", token)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(request))
			.andExpect(jsonPath("$.id").value((String) JsonPath.read(created, "$.id")))
			.andExpect(jsonPath("$.applications.length()").value(codes.size()));
		mvc.perform(get("/api/v1/bundles/" + JsonPath.read(created, "$.id")).header("Authorization",
				Citizens.token(mvc, "zhao.lei")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aBundleWithProblemsAndNoExplanationMakesNothing() throws Exception {
		String token = Citizens.token(mvc, "zhao.lei");
		int before = db.sql("SELECT count(*) FROM application WHERE applicant = 'zhao.lei'")
			.query(Integer.class)
			.single();
		mvc.perform(post("/api/v1/bundles").header("Authorization", token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lifeEvent\":\"baby\",\"fields\":{}}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems").isNotEmpty());
		assertThat(
				db.sql("SELECT count(*) FROM application WHERE applicant = 'zhao.lei'").query(Integer.class).single())
			.isEqualTo(before);
	}

	@Test
	void theBurdenOfAnApplicationIsMeasured() throws Exception {
		String token = Citizens.token(mvc, "wang.fang");
		String created = mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"serviceCode\":\"CA-ELD-001\",\"fields\":{\"bankAccount\":\"6222020200112233445\",\"phone\":\"13911112222\"}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(created, "$.id"));
		Burden.Figures figures = burden.of(id).orElseThrow();
		assertThat(figures.fieldsPrefilled()).isEqualTo(6);
		assertThat(figures.fieldsTyped()).isEqualTo(1);
		assertThat(figures.valuesDisputed()).isEqualTo(1); // a different phone number
															// than the registry's
		assertThat(figures.trips()).isZero();
		assertThat(figures.workingDaysToDecision()).isNull();
		assertThat(burden.byMatter(java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(60)))
			.anySatisfy(m -> {
				assertThat(m.serviceCode()).isEqualTo("CA-ELD-001");
				assertThat(m.prefilledShare()).isGreaterThan(0.7);
			});
		// The disputed phone number went to its registry's owner.
		assertThat(db.sql("SELECT department FROM correction_request WHERE application_id = :a")
			.param("a", id)
			.query(String.class)
			.list()).containsExactly("PS");
		Set<String> audited = db.sql("SELECT action FROM audit_entry WHERE subject = :s")
			.param("s", "application:" + id)
			.query(String.class)
			.stream()
			.collect(Collectors.toSet());
		assertThat(audited).contains("application.submitted", "application.value-disputed");
	}

}
