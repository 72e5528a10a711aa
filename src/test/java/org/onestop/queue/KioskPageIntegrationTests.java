package org.onestop.queue;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The kiosk page works without an account, but only on a device registered to the hall;
 * whoever registers it is signed out there and then.
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
			.andExpect(content().string(containsString("data-testid=\"group-D\"")));
		String location = mvc.perform(post("/halls/HALL-EAST/kiosk").with(csrf()).cookie(device).param("group", "D"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/halls/HALL-EAST/kiosk?ticket=");
		mvc.perform(get(location).cookie(device))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"ticket-number\"")));
		mvc.perform(post("/halls/HALL-EAST/kiosk").with(csrf())
			.cookie(device)
			.param("step", "appointment")
			.param("bookingCode", "NOPE1234")
			.param("idLastDigits", "1234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"kiosk-error\"")))
			// The message stands beside the field, and what was typed stays.
			.andExpect(content().string(containsString("id=\"bookingCode-error\"")))
			.andExpect(content().string(containsString("value=\"NOPE1234\"")));
		mvc.perform(get(location.replace("/halls/HALL-EAST/kiosk?ticket=", "/tickets/")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("号码 D0")));
	}

	@Test
	void registeringTheKioskSignsTheClerkOutAndOnlyStaffOfTheHallMayRegister() throws Exception {
		Cookie clerk = signIn("clerk.ps");
		mvc.perform(get("/halls/HALL-WEST/kiosk/register").cookie(clerk))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"register-kiosk\"")));
		MockHttpServletResponse registered = mvc
			.perform(post("/halls/HALL-WEST/kiosk/register").with(csrf()).cookie(clerk))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/halls/HALL-WEST/kiosk?registered=true"))
			.andReturn()
			.getResponse();
		Cookie device = registered.getCookie(KioskController.COOKIE);
		assertThat(device).isNotNull();
		assertThat(device.isHttpOnly()).isTrue();
		// The session the clerk signed in with is gone: the kiosk is nobody's.
		mvc.perform(get("/staff").cookie(clerk))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/halls/HALL-WEST/kiosk?registered=true").cookie(device))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"kiosk-registered\"")))
			.andExpect(content().string(containsString("data-testid=\"group-A\"")));

		// A citizen, or a clerk of another hall, may not.
		Cookie citizen = signIn("li.na");
		mvc.perform(get("/halls/HALL-WEST/kiosk/register").cookie(citizen))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"may-not-register\"")));
		mvc.perform(post("/halls/HALL-WEST/kiosk/register").with(csrf()).cookie(citizen))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff").cookie(signIn("admin"))).andExpect(status().isOk());
		Cookie admin = signIn("admin");
		mvc.perform(post("/halls/HALL-WEST/kiosk/register").with(csrf()).cookie(admin))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/staff").cookie(admin)).andExpect(redirectedUrl("/sign-in"));
	}

	private Cookie signIn(String username) throws Exception {
		Cookie session = mvc
			.perform(post("/sign-in").with(csrf()).param("username", username).param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		assertThat(session).as("session of %s", username).isNotNull();
		return session;
	}

}
