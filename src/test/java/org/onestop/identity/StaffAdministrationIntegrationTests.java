package org.onestop.identity;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators manage staff accounts; everything they do is audited. */
@IntegrationTest
class StaffAdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Test
	void aPasswordTooLongForBCryptIsNamed() throws Exception {
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"long.password","displayName":"测试","department":"GS","roles":["CLERK"],
					 "password":"%s"}""".formatted("x".repeat(73))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

	@Test
	void anAdministratorCreatesAStaffAccountThatCanSignIn() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"clerk.transport","displayName":"王敏","department":"TR","roles":["CLERK","REVIEWER"],
					 "password":"first-password"}""")).andExpect(status().isCreated());
		mvc.perform(get("/api/v1/me").header("Authorization",
				"Bearer " + Tokens.of(mvc, "clerk.transport", "first-password")))
			.andExpect(jsonPath("$.department.code").value("TR"))
			.andExpect(jsonPath("$.roles[0]").value("CLERK"))
			.andExpect(jsonPath("$.roles[1]").value("REVIEWER"));
		mvc.perform(get("/api/v1/admin/staff").header("Authorization", admin))
			.andExpect(jsonPath("$[*].username", hasItem("clerk.transport")));
		assertThat(db.sql(
				"SELECT actor FROM audit_entry WHERE action = 'identity.staff.created' AND subject = 'account:clerk.transport'")
			.query(String.class)
			.single()).isEqualTo("admin");
	}

	@Test
	void badStaffFormsAreRefusedFieldByField() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"X","displayName":"","department":"NOPE","roles":[],"password":"short"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("username", "displayName",
					"department", "roles", "password")));
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"username":"clerk.civil","displayName":"重名","department":"CA","roles":["CLERK"],"password":"long-enough"}"""))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"username":"a.b","displayName":"A","department":"CA","roles":["WIZARD"],"password":"long-enough"}"""))
			.andExpect(status().isBadRequest());
	}

	@Test
	void switchingAnAccountOffEndsItsTokensAndSignIns() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"username":"leaver","displayName":"离职者","department":"HE","roles":["CLERK"],"password":"leaver-pass"}"""))
			.andExpect(status().isCreated());
		String token = "Bearer " + Tokens.of(mvc, "leaver", "leaver-pass");
		jakarta.servlet.http.Cookie session = mvc
			.perform(post("/sign-in").with(org.onestop.Csrf.csrf())
				.param("username", "leaver")
				.param("password", "leaver-pass"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		mvc.perform(get("/staff").cookie(session)).andExpect(status().isOk());
		// Used once, so this node remembers the token: switching the account off must
		// still end it at once.
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());
		mvc.perform(put("/api/v1/admin/staff/leaver").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName":"离职者","department":"HE","roles":["CLERK"],"enabled":false}"""))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/staff").cookie(session)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"username\":\"leaver\",\"password\":\"leaver-pass\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("switched off")));
	}

	@Test
	void anAdministratorCannotLockThemselvesOut() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(put("/api/v1/admin/staff/admin").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName":"高志强","department":"GS","roles":["CLERK"],"enabled":true}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
		mvc.perform(put("/api/v1/admin/staff/nobody").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName":"x","department":"GS","roles":["CLERK"],"enabled":true}"""))
			.andExpect(status().isNotFound());
	}

}
