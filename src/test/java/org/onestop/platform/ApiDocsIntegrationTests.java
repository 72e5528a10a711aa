package org.onestop.platform;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI description covers the API, and only the API. */
@IntegrationTest
class ApiDocsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void describesTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/auth/login']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/services']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/notices']").exists())
			.andExpect(jsonPath("$.paths['/sign-in']").doesNotExist());
	}

	@Test
	void describesParametersAsClientsSendThem() throws Exception {
		// Resolved controller parameters (PageNumber, the assistant's asker) are
		// documented as
		// what is on the wire, never as the objects they become.
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/notices'].get.parameters[?(@.name == 'page')].in").value("query"))
			.andExpect(jsonPath("$.paths['/api/v1/notices'].get.parameters[?(@.name == 'page')].required").value(false))
			.andExpect(jsonPath("$.paths['/api/v1/notices'].get.parameters[?(@.name == 'page')].schema.type")
				.value("integer"))
			.andExpect(jsonPath("$.paths['/api/v1/notices'].get.parameters[?(@.name == 'pageNumber')]").isEmpty())
			.andExpect(jsonPath("$..parameters[?(@.name == 'asker')]").isEmpty())
			.andExpect(jsonPath("$..parameters[?(@.name == 'cursor')]").isEmpty())
			.andExpect(jsonPath("$.components.schemas.PageNumber").doesNotExist());
	}

	@Test
	void pageNumbersAreWholeNumbersSentOnce() throws Exception {
		mvc.perform(get("/api/v1/notices").param("page", "1")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/notices").param("page", "")).andExpect(status().isOk());
		for (String bad : new String[] { " ", "-1", "10001", "abc", "1e3" }) {
			mvc.perform(get("/api/v1/notices").param("page", bad))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("page"));
		}
		mvc.perform(get("/api/v1/notices").param("page", "1", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
	}

}
