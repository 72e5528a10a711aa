package org.onestop.identity.signin;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.DemoTexts;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An address unlocked with a texted code is known from then on, as one the user signed in
 * from: a guessing attack's back-off on the username, started from elsewhere, does not
 * keep the user out there.
 */
@IntegrationTest
class SignInUnlockedAddressIntegrationTests {

	static final String HOME = "10.44.0.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Test
	void anAddressUnlockedByCodeSkipsTheUsernamesBackOff() throws Exception {
		Resident resident = residents.aged(41).create();
		String username = accounts.register(resident).username();
		// The user mistypes at home until the address locks, then unlocks it with a code.
		for (int i = 0; i < SignInAttempts.MAX_FAILURES; i++) {
			login(username, "wrong", HOME).andExpect(status().isUnauthorized());
		}
		mvc.perform(post("/api/v1/auth/unlock").with(r -> {
			r.setRemoteAddr(HOME);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + username + "\"}"))
			.andExpect(status().isAccepted());
		String code = DemoTexts.codes(mvc, "UNLOCK", username).get(0);
		mvc.perform(post("/api/v1/auth/unlock/confirm").with(r -> {
			r.setRemoteAddr(HOME);
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"code\":\"" + code + "\"}"))
			.andExpect(status().isNoContent());

		// Meanwhile a guessing attack from many addresses starts the username's back-off.
		for (int i = 0; i < SignInAttempts.BACKOFF_AFTER; i++) {
			login(username, "guess-" + i, "10.44.1." + i);
		}
		login(username, Accounts.PASSWORD, "10.44.2.1").andExpect(status().isTooManyRequests());

		// At home, unlocked by the code, the user is not kept out.
		login(username, Accounts.PASSWORD, HOME).andExpect(status().isOk());
	}

	ResultActions login(String username, String password, String address) throws Exception {
		return SignInRequests.login(mvc, username, password, address);
	}

}
