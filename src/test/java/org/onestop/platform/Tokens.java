package org.onestop.platform;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Signs a demo account in through the API and hands back its bearer token. */
public final class Tokens {

	private Tokens() {
	}

	public static String of(MockMvc mvc, String username) throws Exception {
		return of(mvc, username, "demo12345");
	}

	public static String of(MockMvc mvc, String username, String password) throws Exception {
		String body = mvc
			.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

}
