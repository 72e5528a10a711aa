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

}
