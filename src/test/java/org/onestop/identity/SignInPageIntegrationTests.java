package org.onestop.identity;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sign-in and registration pages, as a browser without JavaScript would use them. */
@IntegrationTest
class SignInPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	/**
	 * Web sessions live in the database (Spring Session), so the browser's session cookie
	 * is what carries them.
	 */
	private Cookie sessionOf(org.springframework.test.web.servlet.MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("ONESTOP_SESSION");
		org.assertj.core.api.Assertions.assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	@Test
	void citizensLandOnTheirAccountAndStaffOnTheirHome() throws Exception {
		Cookie session = sessionOf(
				mvc.perform(post("/sign-in").with(csrf()).param("username", "wang.fang").param("password", "demo12345"))
					.andExpect(redirectedUrl("/account"))
					.andReturn());
		mvc.perform(get("/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("王芳")))
			.andExpect(content().string(containsString("110108********3061")))
			.andExpect(content().string(containsString("丧偶")));

		mvc.perform(post("/sign-in").with(csrf()).param("username", "supervisor.civil").param("password", "demo12345"))
			.andExpect(redirectedUrl("/staff"));
	}

	@Test
	void theStaffHomeNamesTheDepartmentAndRoles() throws Exception {
		Cookie session = sessionOf(mvc
			.perform(post("/sign-in").with(csrf()).param("username", "field.civil").param("password", "demo12345"))
			.andReturn());
		mvc.perform(get("/staff").cookie(session, new Cookie("onestop_lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Civil Affairs Bureau")))
			.andExpect(content().string(containsString("Field officer")));
	}

	@Test
	void aFailedSignInIsExplainedBesideTheField() throws Exception {
		Cookie session = sessionOf(
				mvc.perform(post("/sign-in").with(csrf()).param("username", "zhao.lei").param("password", "not-it"))
					.andExpect(redirectedUrl("/sign-in?error"))
					.andReturn());
		mvc.perform(get("/sign-in").param("error", "").cookie(session))
			.andExpect(content().string(containsString("govuk-error-message")))
			.andExpect(content().string(containsString("用户名或密码不正确")))
			.andExpect(content().string(containsString("value=\"zhao.lei\"")));
		mvc.perform(post("/sign-in").with(csrf()).param("username", "zhao.lei").param("password", "demo12345"))
			.andExpect(redirectedUrl("/account"));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/sign-in").param("username", "zhao.lei").param("password", "demo12345"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/register").param("name", "x")).andExpect(status().isForbidden());
	}

	@Test
	void registrationErrorsAppearBesideEachFieldAndKeepWhatWasTyped() throws Exception {
		mvc.perform(post("/register").with(csrf())
			.cookie(new Cookie("onestop_lang", "en"))
			.param("name", "陈晓明")
			.param("idNumber", "110101199003071234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("id=\"idNumber-error\"")))
			.andExpect(content().string(containsString("does not match the others")))
			.andExpect(content().string(containsString("value=\"陈晓明\"")));
		mvc.perform(post("/register/confirm").with(csrf())
			.cookie(new Cookie("onestop_lang", "en"))
			.param("idNumber", "110101199003071233")
			.param("code", "12x")
			.param("password", "secret-password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("The code is 6 digits")))
			.andExpect(content().string(containsString("value=\"110101199003071233\"")))
			.andExpect(content().string(not(containsString("secret-password"))));
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		Cookie session = sessionOf(
				mvc.perform(post("/sign-in").with(csrf()).param("username", "li.na").param("password", "demo12345"))
					.andReturn());
		mvc.perform(post("/sign-out").with(csrf()).cookie(session)).andExpect(redirectedUrl("/"));
		mvc.perform(get("/account").cookie(session)).andExpect(status().is3xxRedirection());
	}

}
