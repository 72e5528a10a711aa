package org.onestop.platform;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every API error is an RFC 9457 problem, in the caller's language, with nothing internal
 * in it.
 */
@IntegrationTest
class ProblemDetailsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void unknownApiPathIsA404ProblemInChineseByDefault() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("页面不存在"))
			.andExpect(jsonPath("$.detail").isNotEmpty());
	}

	@Test
	void unknownApiPathIsA404ProblemInEnglishWhenAsked() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na"))
			.header("Accept-Language", "en-GB,en;q=0.9"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Page not found"));
	}

	@Test
	void unsupportedLanguagesFallBackToChinese() throws Exception {
		mvc.perform(post("/api/v1/citizens").contentType(MediaType.APPLICATION_JSON)
			.content("{")
			.header("Accept-Language", "fr-FR"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("请求有误"));
	}

	@Test
	void malformedJsonIsA400ProblemWithoutInternals() throws Exception {
		mvc.perform(post("/api/v1/citizens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": ")
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("not valid JSON")))
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("jackson"))));
	}

	@Test
	void oversizedJsonIsRefusedBeforeParsing() throws Exception {
		String huge = "{\"name\":\"" + "a".repeat(70_000) + "\"}";
		mvc.perform(post("/api/v1/citizens").contentType(MediaType.APPLICATION_JSON)
			.content(huge)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("too large")));
	}

	@Test
	void wrongContentTypeIsA415Problem() throws Exception {
		mvc.perform(post("/api/v1/citizens").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.title").value("不支持的内容类型"));
	}

	@Test
	void missingSignInIsA401Problem() throws Exception {
		mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Sign-in needed"));
	}

	@Test
	void unknownPageIsAnHtmlPageNotAProblem() throws Exception {
		mvc.perform(get("/no-such-page")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("someone")
				.roles("CITIZEN")))
			.andExpect(status().isNotFound());
	}

}
