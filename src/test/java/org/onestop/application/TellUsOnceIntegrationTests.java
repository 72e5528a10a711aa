package org.onestop.application;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tell us once: the form arrives prefilled from the registries (each read logged with the
 * draft it serves), drafts resume on any device, a wrong prefilled value is disputed
 * rather than typed over, and its registry's owner receives a correction request.
 */
@IntegrationTest
class TellUsOnceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	String form(String token, String code) throws Exception {
		return mvc
			.perform(get("/api/v1/services/" + code + "/form").header("Authorization", token)
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void wangFangsElderlyAllowanceFormArrivesAtLeastSeventyPercentPrefilled() throws Exception {
		String token = Citizens.token(mvc, "wang.fang");
		String form = form(token, "CA-ELD-001");
		List<Map<String, Object>> fields = JsonPath.read(form, "$.fields");
		long prefilled = fields.stream().filter(f -> f.get("source") != null).count();
		assertThat((double) prefilled / fields.size()).isGreaterThanOrEqualTo(0.7);
		assertThat((Double) JsonPath.read(form, "$.prefilledShare")).isGreaterThanOrEqualTo(0.7);
		assertThat((List<String>) JsonPath.read(form, "$.fields[?(@.name == 'name')].value")).containsExactly("王芳");
		assertThat((List<String>) JsonPath.read(form, "$.fields[?(@.name == 'registeredAddress')].source"))
			.containsExactly("population.address");
		assertThat((List<Boolean>) JsonPath.read(form, "$.fields[?(@.name == 'registeredAddress')].readOnly"))
			.containsExactly(true);
		assertThat((List<Boolean>) JsonPath.read(form, "$.fields[?(@.name == 'bankAccount')].readOnly"))
			.containsExactly(false);
		// Every registry read names the application it served by its reference, and shows
		// on
		// "who used my data".
		String draft = JsonPath.read(form, "$.draftId");
		String reference = db.sql("SELECT reference FROM application WHERE id = CAST(:d AS uuid)")
			.param("d", draft)
			.query(String.class)
			.single();
		String log = mvc.perform(get("/api/v1/me/data-access").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(log).contains(reference).contains("户籍地址").contains("社会保障卡号").contains("SYSTEM");
	}

	@Test
	void aDraftIsSavedAndResumedFromAnyDevice() throws Exception {
		String laptop = Citizens.token(mvc, "wang.fang");
		String draft = JsonPath.read(form(laptop, "CA-ELD-001"), "$.draftId");
		mvc.perform(put("/api/v1/applications/drafts/" + draft).header("Authorization", laptop)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":{\"bankAccount\":\"6222020200112233445\"}}")).andExpect(status().isOk());
		String phone = Citizens.token(mvc, "wang.fang");
		String resumed = form(phone, "CA-ELD-001");
		assertThat((String) JsonPath.read(resumed, "$.draftId")).isEqualTo(draft);
		assertThat((List<String>) JsonPath.read(resumed, "$.fields[?(@.name == 'bankAccount')].value"))
			.containsExactly("6222020200112233445");
		// A prefilled value cannot be typed over, a bad value is refused beside its
		// field, and nobody else
		// can touch the draft.
		mvc.perform(put("/api/v1/applications/drafts/" + draft).header("Authorization", phone)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":{\"name\":\"李四\",\"bankAccount\":\"12ab\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'bankAccount')].message")
				.value("A bank account number has 12 to 19 digits"));
		mvc.perform(put("/api/v1/applications/drafts/" + draft).header("Authorization", Citizens.token(mvc, "zhao.lei"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":{}}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/services/CA-ELD-001/form").header("Authorization", Citizens.token(mvc, "clerk.civil")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/services/CA-ELD-001/form")).andExpect(status().isUnauthorized());
	}

	@Test
	void aDisputedValueIsUsedAndTheRegistrysOwnerReceivesACorrectionRequest() throws Exception {
		String token = Citizens.token(mvc, "li.na");
		String form = form(token, "PS-ID-001");
		String draft = JsonPath.read(form, "$.draftId");
		mvc.perform(post("/api/v1/applications/drafts/" + draft + "/disputes").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"field\":\"registeredAddress\",\"value\":\"北京市丰台区丰台北路165号7号楼5单元1101\",\"comment\":\"门牌号少了一位\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields[?(@.name == 'registeredAddress')].disputed").value(true))
			.andExpect(jsonPath("$.fields[?(@.name == 'registeredAddress')].readOnly").value(false))
			.andExpect(jsonPath("$.fields[?(@.name == 'registeredAddress')].value").value("北京市丰台区丰台北路165号7号楼5单元1101"));
		// The population registry belongs to Public Security: its staff see the request,
		// Civil Affairs does not.
		String ps = mvc
			.perform(get("/api/v1/staff/correction-requests").header("Authorization", Citizens.token(mvc, "clerk.ps")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(ps, "$[?(@.applicationId == '" + draft + "')].id");
		assertThat(ids).hasSize(1);
		String ca = mvc
			.perform(get("/api/v1/staff/correction-requests").header("Authorization",
					Citizens.token(mvc, "clerk.civil")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ca).doesNotContain(draft);
		// Nor does the owning department's staff outside casework: an agent of Public
		// Security neither reads nor decides them.
		String agent = "Bearer " + Tokens.of(mvc, psAgent(), "agent-password-1");
		mvc.perform(get("/api/v1/staff/correction-requests").header("Authorization", agent))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/staff/correction-requests/" + ids.get(0) + "/resolve").header("Authorization", agent)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"CORRECTED\",\"note\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/staff/correction-requests/" + ids.get(0) + "/resolve")
			.header("Authorization", Citizens.token(mvc, "clerk.civil"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"CORRECTED\",\"note\":\"x\"}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/staff/correction-requests/" + ids.get(0) + "/resolve")
			.header("Authorization", Citizens.token(mvc, "clerk.ps"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"CORRECTED\",\"note\":\"已按户籍档案更正门牌号\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CORRECTED"));
		// The citizen hears of it in their inbox.
		assertThat(db.sql("SELECT count(*) FROM notification WHERE recipient = 'li.na' AND kind = 'CORRECTION'")
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(1);
		// A value typed by the citizen cannot be "disputed": there is nothing to correct.
		mvc.perform(post("/api/v1/applications/drafts/" + draft + "/disputes").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"field\":\"mailingAddress\",\"value\":\"x\"}")).andExpect(status().isBadRequest());
	}

	@Test
	void administratorsEditFormsAsDataAndBrokenDefinitionsAreRefusedWhole() throws Exception {
		String admin = Citizens.token(mvc, "admin");
		mvc.perform(get("/api/v1/admin/services/CA-ELD-001/form").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.definition.fields.length()").value(7));
		mvc.perform(put("/api/v1/admin/services/TR-SEN-001/form").header("Authorization", admin)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fields":[{"name":"1bad","label":{"zh":"甲","en":"A"},"type":"TEXT","required":true},
							 {"name":"ok","label":{"zh":"乙"},"type":"SELECT","required":true,"source":"population.shoe_size"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("fields[0].name",
					"fields[1].label", "fields[1].options", "fields[1].source")));
		mvc.perform(put("/api/v1/admin/services/TR-SEN-001/form")
			.header("Authorization", Citizens.token(mvc, "clerk.civil"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":[]}")).andExpect(status().isForbidden());
	}

	/** A Public Security hotline agent, made once by the administrator. */
	private String psAgent() throws Exception {
		String username = "agent.ps." + java.util.UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", Citizens.token(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"测试坐席","department":"PS","roles":["AGENT"],
					 "password":"agent-password-1"}""".formatted(username))).andExpect(status().isCreated());
		return username;
	}

}
