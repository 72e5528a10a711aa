package org.onestop.platform;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Control characters (NUL and the rest of C0 but tab and line breaks, DEL, C1) are
 * refused on the API with 400 and a problem in the caller's language wherever text comes
 * in (query strings, JSON bodies of any shape), and stripped from pages' forms and
 * queries; never a 500.
 */
@IntegrationTest
class ControlCharactersIntegrationTests {

	private static final String[] CONTROLS = { "\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u202a",
			"\u202e", "\u2066", "\u2069" };

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousSearchRefusesThemInTheQueryString() throws Exception {
		for (String control : CONTROLS) {
			refused(mvc.perform(get("/api/v1/services").param("q", "户口" + control).header("Accept-Language", "en")))
				.andExpect(jsonPath("$.detail").value(containsString("\"q\"")));
			// a person cannot see what to remove: the page searches for what is left
			mvc.perform(get("/services").param("q", "户口" + control))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(control))));
		}
	}

	@Test
	void registrationRefusesThemInTheJsonBody() throws Exception {
		for (String control : CONTROLS) {
			refused(mvc.perform(post("/api/v1/citizens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"李" + escaped(control) + "娜\",\"idNumber\":\"110101199003071233\","
						+ "\"phone\":\"13800000000\",\"password\":\"demo12345\"}")))
				.andExpect(jsonPath("$.title").value("请求有误"))
				.andExpect(jsonPath("$.detail").value(containsString("name")))
				.andExpect(jsonPath("$.errors[0].field").value("name"));
		}
	}

	@Test
	void theAssistantRefusesThemInAMessage() throws Exception {
		refused(mvc.perform(post("/api/v1/assistant/conversations/{id}/messages", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"hello\\u0000\"}")));
	}

	@Test
	void aSignedInJsonEndpointRefusesThemInUntypedValuesAndMemberNames() throws Exception {
		String token = "Bearer " + Tokens.of(mvc, "li.na");
		refused(mvc.perform(post("/api/v1/applications/precheck").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{\"address\":\"1 Road\\u0000\"}}")))
			.andExpect(jsonPath("$.errors[0].field").value("fields.address"));
		refused(mvc.perform(post("/api/v1/applications/precheck").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{\"addr\\u0002ess\":\"1 Road\"}}")));
	}

	@Test
	void theSignInFormSeesTheNameWithoutThem() throws Exception {
		mvc.perform(post("/sign-in").with(org.onestop.Csrf.csrf())
			.param("username", "ad\u0000min\u0007")
			.param("password", "demo12345"))
			.andExpect(status().is3xxRedirection())
			.andExpect(
					org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated()
						.withUsername("admin"));
	}

	@Test
	void tabsAndLineBreaksAreText() throws Exception {
		mvc.perform(get("/api/v1/services").param("q", "户口\t迁移\r\n")).andExpect(status().isOk());
		mvc.perform(post("/api/v1/assistant/conversations/{id}/messages", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"line one\\nline two\\ttabbed\"}"))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.status").value(not(400)));
	}

	private static ResultActions refused(ResultActions result) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(not(containsString("problem."))));
	}

	private static String escaped(String control) {
		return String.format("\\u%04x", (int) control.charAt(0));
	}

}
