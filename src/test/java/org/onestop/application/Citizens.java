package org.onestop.application;

import com.jayway.jsonpath.JsonPath;

import org.onestop.platform.Tokens;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Small helpers for this module's API tests: a demo account's Authorization header, and
 * the id of a created application. A test that takes an application through to a decision
 * makes its own citizen with the builders in {@code org.onestop.testdata}, so that the
 * 180-day rule on repeated rejections never couples two tests.
 */
final class Citizens {

	private Citizens() {
	}

	static String token(MockMvc mvc, String username) throws Exception {
		return "Bearer " + Tokens.of(mvc, username);
	}

	static String id(String json) {
		return JsonPath.read(json, "$.id");
	}

}
