package org.onestop.queue;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The kiosk page works without an account, but only on a device registered to the hall.
 */
@IntegrationTest
class KioskPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void onlyARegisteredDeviceGivesOutTicketsAndNobodySignsIn() throws Exception {
		mvc.perform(get("/halls/HALL-EAST/kiosk"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"not-registered\"")));
		mvc.perform(post("/halls/HALL-EAST/kiosk").with(csrf()).param("group", "A")).andExpect(status().isForbidden());

		String admin = Tokens.of(mvc, "admin");
		String token = JsonPath
			.read(mvc.perform(post("/api/v1/admin/halls/HALL-EAST/kiosks").header("Authorization", "Bearer " + admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Door\"}")).andReturn().getResponse().getContentAsString(), "$.token");
		Cookie device = new Cookie(KioskController.COOKIE, token);
		mvc.perform(get("/halls/HALL-EAST/kiosk").cookie(device))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"take-ticket\"")));
		String location = mvc.perform(post("/halls/HALL-EAST/kiosk").with(csrf()).cookie(device).param("group", "D"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		org.assertj.core.api.Assertions.assertThat(location).startsWith("/halls/HALL-EAST/kiosk?ticket=");
		mvc.perform(get(location).cookie(device))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"ticket-number\"")));
		mvc.perform(post("/halls/HALL-EAST/kiosk").with(csrf())
			.cookie(device)
			.param("group", "A")
			.param("bookingCode", "NOPE1234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"kiosk-error\"")));
		mvc.perform(get(location.replace("/halls/HALL-EAST/kiosk?ticket=", "/tickets/")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("号码 D0")));
	}

}
