package org.onestop.application;

import java.util.Map;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Submitting a saved draft by its id: what the draft holds is what is submitted when the
 * request brings nothing new, only its owner may submit it, and only for its own matter.
 * (PIT found the draft path of a submission reached by no test.)
 */
@IntegrationTest
class SubmissionFromDraftIntegrationTests {

	private static final String MATTER = "PS-DL-001";

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient db;

	@Test
	void aDraftIsSubmittedWithWhatItHolds() throws Exception {
		Citizen citizen = accounts.register(residents.aged(45).create());
		String draft = savedDraft(citizen);
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"draftId\":\"%s\"}".formatted(draft)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		assertThat(id).isEqualTo(draft);
		Map<String, Object> row = db
			.sql("SELECT status, explanation, fields::text AS fields FROM application WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query()
			.singleRow();
		assertThat(row.get("status")).isNotEqualTo("DRAFT");
		assertThat(row.get("explanation")).isEqualTo("驾驶证在搬家时遗失");
		assertThat((String) row.get("fields")).contains("北京市海淀区万寿路10号");
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", citizen.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeline[?(@.kind == 'SUBMITTED')]").exists());
		assertThat(db.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = :k AND parent_id_ IS NULL")
			.param("k", id)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void anotherCitizensDraftIsNotFound() throws Exception {
		Citizen owner = accounts.register(residents.aged(45).create());
		Citizen other = accounts.register(residents.aged(46).create());
		String draft = savedDraft(owner);
		mvc.perform(post("/api/v1/applications").header("Authorization", other.authorization())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"draftId\":\"%s\"}".formatted(draft))).andExpect(status().isNotFound());
		assertThat(db.sql("SELECT status FROM application WHERE id = :id")
			.param("id", UUID.fromString(draft))
			.query(String.class)
			.single()).isEqualTo("DRAFT");
	}

	@Test
	void aDraftIsSubmittedOnlyForItsOwnMatter() throws Exception {
		Citizen citizen = accounts.register(residents.aged(45).create());
		String draft = savedDraft(citizen);
		mvc.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
			.header("Accept-Language", "en")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"CA-ELD-001\",\"draftId\":\"%s\"}".formatted(draft)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("serviceCode"));
	}

	@Test
	void aPrefilledValueChangedInTheSubmissionIsUsedAndSentToTheRegistrysOwner() throws Exception {
		// Without a draft: the submission itself says the registry is wrong.
		Citizen citizen = accounts.register(residents.aged(45).create());
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"serviceCode":"PS-ID-001","fields":{"registeredAddress":"北京市门头沟区新桥大街8号"},
						 "explanation":"户籍地址已于上月迁移"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(created, "$.id"));
		Map<String, Object> request = db.sql(
				"SELECT field, department, registry_value, citizen_value FROM correction_request WHERE application_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(request).containsEntry("field", "registeredAddress")
			.containsEntry("department", "PS")
			.containsEntry("citizen_value", "北京市门头沟区新桥大街8号");
		assertThat((String) request.get("registry_value")).startsWith("北京市门头沟区测试路");
		assertThat(db.sql("SELECT fields ->> 'registeredAddress' FROM application WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("北京市门头沟区新桥大街8号");
	}

	private String savedDraft(Citizen citizen) throws Exception {
		String form = mvc
			.perform(get("/api/v1/services/" + MATTER + "/form").header("Authorization", citizen.authorization()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String draft = JsonPath.read(form, "$.draftId");
		mvc.perform(put("/api/v1/applications/drafts/" + draft).header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":{\"mailingAddress\":\"北京市海淀区万寿路10号\"},\"explanation\":\"驾驶证在搬家时遗失\"}"))
			.andExpect(status().isOk());
		return draft;
	}

}
