package org.onestop.identity;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Usernames that no account could have (a NUL or other control character, thousands of
 * characters) reach every identity endpoint that writes a typed username to the database:
 * each gets a plain refusal, never a server error. Control characters are refused on the
 * API by platform's central rule before identity sees them (400 naming the field) and
 * stripped from pages' forms; the thousands of characters are identity's own refusal.
 */
@IntegrationTest
class OddUsernamesIntegrationTests {

	private static final String[] ODD = { "a\\u0000b", "a\\u0001b", "x".repeat(5000) };

	@Autowired
	MockMvc mvc;

	private ResultActions postJson(String path, String json) throws Exception {
		return mvc.perform(post(path).with(r -> {
			r.setRemoteAddr("10.47.0.1");
			return r;
		}).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en").content(json));
	}

	@Test
	void theApiRefusesThemPlainly() throws Exception {
		for (String odd : ODD) {
			ResultActions login = postJson("/api/v1/auth/login",
					"{\"username\":\"" + odd + "\",\"password\":\"whatever-1\"}");
			if (odd.startsWith("x")) {
				login.andExpect(status().isUnauthorized())
					.andExpect(jsonPath("$.detail").value("The username or password is not right."));
			}
			else {
				login.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
			}
			postJson("/api/v1/auth/unlock", "{\"username\":\"" + odd + "\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("username"));
			postJson("/api/v1/auth/unlock/confirm", "{\"username\":\"" + odd + "\",\"code\":\"123456\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("username"));
		}
	}

	@Test
	void theAdministratorsUnlockRefusesThemPlainly() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		for (String odd : new String[] { "a\u0001b", "a\u001fb", "x".repeat(300) }) {
			mvc.perform(delete("/api/v1/admin/sign-in-locks/{username}", odd).header("Authorization", admin)
				.header("Accept-Language", "en"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("username"));
		}
		mvc.perform(delete("/api/v1/admin/sign-in-locks/{username}", "a\u0000b").header("Authorization", admin))
			.andExpect(status().isBadRequest());
		Cookie session = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "admin").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		mvc.perform(post("/admin/staff/unlock").with(csrf())
			.cookie(session, new Cookie("onestop_lang", "en"))
			.param("username", "x".repeat(300)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unlock-username-error\"")));
	}

	@Test
	void thePagesRefuseThemPlainly() throws Exception {
		mvc.perform(post("/sign-in").with(csrf()).param("username", "a\u0000b").param("password", "whatever-1"))
			.andExpect(redirectedUrl("/sign-in?error"));
		// A control character on a page is stripped (nobody can see it to remove it): no
		// error, no server error.
		mvc.perform(post("/sign-in/unlock").with(csrf())
			.cookie(new Cookie("onestop_lang", "en"))
			.param("username", "a\u0000b")).andExpect(status().is2xxSuccessful());
		mvc.perform(post("/sign-in/unlock").with(csrf())
			.cookie(new Cookie("onestop_lang", "en"))
			.param("username", "x".repeat(5000)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"username-error\"")));
		mvc.perform(post("/sign-in/unlock/confirm").with(csrf())
			.cookie(new Cookie("onestop_lang", "en"))
			.param("username", "x".repeat(5000))
			.param("code", "123456"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"username-error\"")));
	}

	@Test
	void anAbsurdForwardedAddressIsNoServerError() throws Exception {
		// Behind the proxy the address comes from X-Forwarded-For, which a client can
		// fill with anything.
		String incompressible = new java.util.Random(7).ints(3000, 0, 16)
			.mapToObj(Integer::toHexString)
			.collect(java.util.stream.Collectors.joining());
		for (String forged : new String[] { incompressible, "10.47.0.2 x" }) {
			mvc.perform(post("/api/v1/auth/login").header("X-Forwarded-For", forged)
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"username\":\"forged.address\",\"password\":\"whatever-1\"}"))
				.andExpect(status().isUnauthorized());
			mvc.perform(post("/api/v1/auth/unlock").header("X-Forwarded-For", forged)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"forged.address\"}")).andExpect(status().isAccepted());
			mvc.perform(post("/api/v1/auth/unlock/confirm").header("X-Forwarded-For", forged)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"forged.address\",\"code\":\"123456\"}")).andExpect(status().isBadRequest());
			mvc.perform(post("/api/v1/citizens").header("X-Forwarded-For", forged)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"某人\",\"idNumber\":\"11010519491231002X\"}")).andExpect(status().isAccepted());
		}
	}

}
