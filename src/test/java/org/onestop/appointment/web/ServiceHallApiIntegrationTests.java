package org.onestop.appointment.web;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Anyone may find out where the service halls are, in their language. */
@IntegrationTest
class ServiceHallApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsTheThreeDemoHallsInChineseOrEnglish() throws Exception {
		mvc.perform(get("/api/v1/service-halls"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].code").value("HALL-CITY"))
			.andExpect(jsonPath("$[0].name").value("市政务服务中心"));
		mvc.perform(get("/api/v1/service-halls").header("Accept-Language", "en"))
			.andExpect(jsonPath("$[0].name").value("City Government Service Center"))
			.andExpect(jsonPath("$[0].address").value("1 Xisanhuan South Road, Fengtai District"));
	}

}
