package org.onestop.appointment.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Booking pages need a signed-in citizen; a stranger's appointment cannot be cancelled
 * from a page.
 */
@IntegrationTest
class BookingPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		mvc.perform(get("/services/PS-ID-001/book"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/appointments")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aMatterNoHallHandlesIsNotFound() throws Exception {
		var citizen = new OneStopUser("li.na", "李娜", false, "110106198806158882", null, Set.of());
		var auth = new UsernamePasswordAuthenticationToken(citizen, null,
				List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
		mvc.perform(get("/services/NO-SUCH-001/book").with(authentication(auth))).andExpect(status().isNotFound());
		mvc.perform(post("/appointments/" + UUID.randomUUID() + "/cancel").with(csrf()).with(authentication(auth)))
			.andExpect(status().isNotFound());
	}

}
