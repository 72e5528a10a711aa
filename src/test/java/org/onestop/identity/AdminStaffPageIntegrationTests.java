package org.onestop.identity;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrators' staff page: list, create, and errors beside the fields. */
@IntegrationTest
class AdminStaffPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	Cookie admin;

	@BeforeEach
	void signIn() throws Exception {
		admin = mvc.perform(post("/sign-in").with(csrf()).param("username", "admin").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
	}

	@Test
	void listsStaffWithTheirRoles() throws Exception {
		mvc.perform(get("/admin/staff").cookie(admin, new Cookie("onestop_lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reviewer.civil")))
			.andExpect(content().string(containsString("Reviewer")));
	}

	@Test
	void createsAStaffAccountFromTheForm() throws Exception {
		mvc.perform(post("/admin/staff").with(csrf())
			.cookie(admin)
			.param("username", "clerk.health")
			.param("displayName", "何静")
			.param("department", "HE")
			.param("roles", "CLERK")
			.param("password", "health-pass-1")).andExpect(redirectedUrl("/admin/staff?created=clerk.health"));
		mvc.perform(get("/admin/staff").cookie(admin)).andExpect(content().string(containsString("clerk.health")));
	}

	@Test
	void showsEachErrorBesideItsFieldAndKeepsTheInput() throws Exception {
		mvc.perform(post("/admin/staff").with(csrf())
			.cookie(admin, new Cookie("onestop_lang", "en"))
			.param("username", "Bad Name")
			.param("displayName", "某某")
			.param("department", "CA")
			.param("password", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"username-error\"")))
			.andExpect(content().string(containsString("Choose at least one role")))
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("value=\"某某\"")));
	}

}
