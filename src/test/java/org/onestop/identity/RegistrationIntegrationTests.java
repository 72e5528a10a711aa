package org.onestop.identity;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Self-registration against the population registry, through the API. */
@IntegrationTest
class RegistrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	private ResultActions register(String name, String idNumber, String phone, String password, String language)
			throws Exception {
		return mvc.perform(post("/api/v1/citizens").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", language)
			.content("""
					{"name":"%s","idNumber":"%s","phone":"%s","password":"%s"}""".formatted(name, idNumber, phone, password)));
	}

	@Test
	void aResidentWhoseNameMatchesRegistersSignsInAndSeesThemselves() throws Exception {
		register("陈晓明", "110101199003071233", "13800138000", "chen-secret-1", "zh-CN")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/me"))
			.andExpect(jsonPath("$.username").value("110101199003071233"));

		String token = Tokens.of(mvc, "110101199003071233", "chen-secret-1");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("CITIZEN"))
			.andExpect(jsonPath("$.displayName").value("陈晓明"))
			.andExpect(jsonPath("$.idNumber").value("110101199003071233"));

		String hash = db.sql("SELECT password_hash FROM identity_account WHERE username = '110101199003071233'")
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("chen-secret-1");
		assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.citizen.registered' "
				+ "AND subject = 'resident:110101199003071233'").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aSecondAccountForTheSameIdNumberIsAConflict() throws Exception {
		// 李娜 already has the demo account li.na.
		register("李娜", "110106198806158882", "13800138001", "another-pass", "en")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Conflict"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already exists")));
	}

	@Test
	void aNameThatDiffersFromTheRegistryIsRefusedOnTheNameField() throws Exception {
		register("李四", "110108199511209651", "13800138002", "password1", "en")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"This name does not match the population registry's record for this ID number."));
	}

	@Test
	void anIdNumberUnknownToTheRegistryIsRefusedOnTheIdNumberField() throws Exception {
		// Valid by the standard, but no such resident.
		register("张三", "11010519491231002X", "13800138003", "password1", "zh-CN")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("人口库中没有")));
	}

	@Test
	void everyFaultyFieldIsNamedAtOnce() throws Exception {
		register("", "110101199003071234", "12345", "short", "en")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "idNumber", "phone", "password")))
			.andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].message").value(
					"The last character of this ID number does not match the others: check for a typing mistake"));
	}

	@Test
	void anImpossibleBirthDateIsNamed() throws Exception {
		register("陈晓明", "110101199002301233", "13800138000", "password1", "en")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("not a real date")));
	}

	@Test
	void oneAddressGetsOnlySoManyTriesAnHour() throws Exception {
		for (int i = 0; i < 50; i++) {
			mvc.perform(post("/api/v1/citizens").with(r -> { r.setRemoteAddr("10.9.9.9"); return r; })
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"猜\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800000000\",\"password\":\"password1\"}"))
				.andExpect(status().isBadRequest());
		}
		mvc.perform(post("/api/v1/citizens").with(r -> { r.setRemoteAddr("10.9.9.9"); return r; })
			.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"陈晓明\",\"idNumber\":\"110101199003071233\",\"phone\":\"13800000000\",\"password\":\"password1\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.title").value("Too many attempts"));
		// Another address is not affected.
		register("李四", "110108199511209651", "13800138002", "password1", "en").andExpect(status().isBadRequest());
	}

	@Test
	void nothingIsWrittenWhenRegistrationFails() throws Exception {
		int before = db.sql("SELECT count(*) FROM identity_account").query(Integer.class).single();
		register("李四", "110108199511209651", "13800138002", "password1", "en").andExpect(status().isBadRequest());
		register("", "", "", "", "en").andExpect(status().isBadRequest());
		assertThat(db.sql("SELECT count(*) FROM identity_account").query(Integer.class).single()).isEqualTo(before);
	}
}
