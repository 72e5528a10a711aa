package org.onestop.registry;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A caseworker's look-up of a resident over the API: always with a purpose, and 404 for
 * nobody. Who may look up at all is in the identity module's access matrix.
 */
@IntegrationTest
class RegistryLookupIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void caseworkersReadTheRegistryOnlyWithAPurpose() throws Exception {
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.ps");
		mvc.perform(get("/api/v1/registry/residents/110101199003071233").header("Authorization", clerk)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		mvc.perform(get("/api/v1/registry/residents/110101199003071233").param("purpose", "counter enquiry")
			.header("Authorization", clerk))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("陈晓明"))
			.andExpect(jsonPath("$.idNumber").value("110101199003071233"));
		mvc.perform(get("/api/v1/registry/residents/11010519491231002X").param("purpose", "counter enquiry")
			.header("Authorization", clerk)).andExpect(status().isNotFound());
	}

	@Test
	void aRefusalSaysSoInTheCallersLanguage() throws Exception {
		// The matrix checks the status; the problem's title is what a citizen's client
		// shows.
		mvc.perform(get("/api/v1/registry/residents/110101199003071233").param("purpose", "curiosity")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "li.na")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("无权操作"));
	}

}
