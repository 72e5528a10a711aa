package org.onestop.identity.signin;

import org.onestop.platform.Tokens;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in tests' requests: an API login from a chosen client address, and a staff
 * account to sign in as.
 */
final class SignInRequests {

	/** Every staff account these tests make has this password. */
	static final String PASSWORD = "right-password-1";

	private SignInRequests() {
	}

	static ResultActions login(MockMvc mvc, String username, String password, String address) throws Exception {
		return mvc.perform(post("/api/v1/auth/login").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
	}

	/**
	 * A clerk of the general office, made by the administrator, with {@link #PASSWORD}.
	 */
	static void staff(MockMvc mvc, String username) throws Exception {
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"测试","department":"GS","roles":["CLERK"],"password":"%s"}"""
				.formatted(username, PASSWORD)))
			.andExpect(status().isCreated());
	}

}
