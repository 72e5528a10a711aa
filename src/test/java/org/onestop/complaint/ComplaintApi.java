package org.onestop.complaint;

import java.util.HashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.onestop.platform.Tokens;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Calls the complaint API as demo accounts, with their tokens kept per test class. */
final class ComplaintApi {

	static final String CATEGORY_NOISE = "ENV-NOISE-CONSTRUCTION";

	private final MockMvc mvc;

	private final Map<String, String> tokens = new HashMap<>();

	ComplaintApi(MockMvc mvc) {
		this.mvc = mvc;
	}

	String token(String username) throws Exception {
		String token = tokens.get(username);
		if (token == null) {
			token = "Bearer " + Tokens.of(mvc, username);
			tokens.put(username, token);
		}
		return token;
	}

	/**
	 * POST as this account (null: anonymous); returns the response whatever its status.
	 */
	MockHttpServletResponse post(String username, String path, String json) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json == null ? "{}" : json);
		if (username != null) {
			request.header("Authorization", token(username));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	MockHttpServletResponse get(String username, String path) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
		if (username != null) {
			request.header("Authorization", token(username));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** Files a complaint and returns its id. */
	String file(String username, String category, String description) throws Exception {
		MockHttpServletResponse response = post(username, "/api/v1/complaints",
				"{\"categoryCode\":\"" + category + "\",\"description\":\"" + description + "\"}");
		if (response.getStatus() != 201) {
			throw new AssertionError("filing failed: " + response.getStatus() + " " + response.getContentAsString());
		}
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	static <T> T read(MockHttpServletResponse response, String path) throws Exception {
		return JsonPath.read(response.getContentAsString(), path);
	}

}
