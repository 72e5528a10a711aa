package org.onestop.identity.signin;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrators' list of sign-in locks cannot be flooded into hiding a real
 * account's lock.
 */
@IntegrationTest
class SignInLocksAdminIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Test
	void junkUsernamesDoNotHideARealAccountsLockAndAnyUsernameCanBeUnlocked() throws Exception {
		// An attacker locks 520 made-up usernames that sort before every real one...
		db.sql("""
				INSERT INTO identity_sign_in_failure (username, client, failures, locked_until, updated_at)
				SELECT 'a-flood-' || lpad(n::text, 3, '0'), '10.21.0.1', 5, now() + interval '10 minutes',
				       now() - interval '5 minutes'
				FROM generate_series(1, 520) n""").update();
		try {
			// ...and a real account's address is locked too.
			mvc.perform(post("/api/v1/admin/staff").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"zz.flood.victim","displayName":"测试","department":"GS","roles":["CLERK"],
						 "password":"right-password-1"}""")).andExpect(status().isCreated());
			for (int i = 0; i < SignInAttempts.MAX_FAILURES; i++) {
				mvc.perform(post("/api/v1/auth/login").with(r -> {
					r.setRemoteAddr("10.21.0.2");
					return r;
				})
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"zz.flood.victim\",\"password\":\"wrong\"}"));
			}
			Cookie admin = mvc
				.perform(post("/sign-in").with(csrf()).param("username", "admin").param("password", "demo12345"))
				.andReturn()
				.getResponse()
				.getCookie("ONESTOP_SESSION");
			String page = mvc.perform(get("/admin/staff").cookie(admin, new Cookie("onestop_lang", "en")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page.substring(page.indexOf("data-testid=\"locks\""))).contains(">zz.flood.victim<");
			Matcher shown = Pattern.compile("Showing the first 500 of (\\d+) usernames").matcher(page);
			assertThat(shown.find()).as("the page says the list is cut short").isTrue();
			assertThat(Integer.parseInt(shown.group(1))).isGreaterThanOrEqualTo(521);

			String admins = "Bearer " + Tokens.of(mvc, "admin");
			var answer = mvc.perform(get("/api/v1/admin/sign-in-locks").header("Authorization", admins))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			List<String> listed = JsonPath.read(answer.getContentAsString(), "$[*].username");
			assertThat(listed).hasSize(500).contains("zz.flood.victim");
			assertThat(Integer.parseInt(answer.getHeader("X-Total-Count"))).isGreaterThanOrEqualTo(521);

			// A username beyond the list is unlocked by typing it.
			mvc.perform(post("/admin/staff/unlock").with(csrf()).cookie(admin).param("username", " A-Flood-520 "))
				.andExpect(redirectedUrl("/admin/staff?unlocked=a-flood-520"));
			assertThat(db.sql("SELECT count(*) FROM identity_sign_in_failure WHERE username = 'a-flood-520'")
				.query(Integer.class)
				.single()).isZero();
		}
		finally {
			db.sql("DELETE FROM identity_sign_in_failure WHERE username LIKE 'a-flood-%'").update();
		}
	}

	@Test
	void theUnlockFieldOnTheStaffPageNamesAMissingUsernameBesideIt() throws Exception {
		Cookie admin = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "admin").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		mvc.perform(get("/admin/staff").cookie(admin))
			.andExpect(content().string(containsString("id=\"unlock-username\"")));
		mvc.perform(post("/admin/staff/unlock").with(csrf())
			.cookie(admin, new Cookie("onestop_lang", "en"))
			.param("username", "  "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unlock-username-error\"")))
			.andExpect(content().string(containsString("Enter the username to unlock")));
	}

}
