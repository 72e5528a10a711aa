package org.onestop.identity.account;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onestop.identity.account.AccountMvc.CodePurposeName.PASSWORD_RESET;
import static org.onestop.identity.account.AccountMvc.CodePurposeName.PHONE_CHANGE;
import static org.onestop.identity.account.AccountMvc.code;
import static org.onestop.identity.account.AccountMvc.from;
import static org.onestop.identity.account.AccountMvc.signIn;
import static org.onestop.identity.account.AccountMvc.signedIn;
import static org.onestop.identity.account.AccountMvc.texted;
import static org.onestop.identity.account.AccountMvc.wrong;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a signed-in citizen changes about their account: the password, the verified phone,
 * sign-out everywhere; and the account page, which shows the ID number masked unless
 * asked.
 */
@IntegrationTest
class AccountChangesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Test
	void changingThePasswordKeepsThisSessionAndEndsEveryOtherAndEveryToken() throws Exception {
		Citizen citizen = accounts.register(residents.aged(41).create());
		Cookie here = signIn(mvc, citizen.username(), citizen.password());
		Cookie elsewhere = signIn(mvc, citizen.username(), citizen.password());

		mvc.perform(post("/account/password").with(csrf())
			.cookie(here)
			.param("currentPassword", "not-my-password")
			.param("password", "a-new-secret-9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"currentPassword-error\"")));
		mvc.perform(post("/account/password").with(csrf())
			.cookie(here)
			.param("currentPassword", citizen.password())
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"password-error\"")));
		assertThat(signedIn(mvc, elsewhere)).as("nothing changed yet").isTrue();

		mvc.perform(post("/account/password").with(csrf())
			.cookie(here)
			.param("currentPassword", citizen.password())
			.param("password", "a-new-secret-9")).andExpect(redirectedUrl("/account#security"));
		assertThat(signedIn(mvc, here)).as("the session it was changed from").isTrue();
		assertThat(signedIn(mvc, elsewhere)).as("another session").isFalse();
		mvc.perform(get("/api/v1/me").header("Authorization", citizen.authorization()))
			.andExpect(status().isUnauthorized());
		Tokens.of(mvc, citizen.username(), "a-new-secret-9");
	}

	@Test
	void theApiNeedsTheCurrentPasswordToChangeIt() throws Exception {
		Citizen citizen = accounts.register(residents.aged(42).create());
		mvc.perform(put("/api/v1/me/password").header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"wrong-one-1\",\"password\":\"a-new-secret-9\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		mvc.perform(put("/api/v1/me/password").header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"%s\",\"password\":\"a-new-secret-9\"}".formatted(citizen.password())))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", citizen.authorization()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aNewPhoneTakesEffectOnlyWithTheCodeSentToItAndTheNoticeNamesBoth() throws Exception {
		Citizen citizen = accounts.register(residents.aged(36).create());
		String old = db.sql("SELECT phone FROM identity_citizen WHERE id_number = :id")
			.param("id", citizen.resident().idNumber().value())
			.query(String.class)
			.single();
		String phone = PasswordResetIntegrationTests.uniquePhone();
		Cookie session = signIn(mvc, citizen.username(), citizen.password());

		mvc.perform(post("/account/phone").with(csrf())
			.cookie(session)
			.param("currentPassword", citizen.password())
			.param("phone", "12345")).andExpect(content().string(containsString("id=\"phone-error\"")));
		mvc.perform(post("/account/phone").with(csrf())
			.cookie(session)
			.with(from("10.142.0.1"))
			.param("currentPassword", citizen.password())
			.param("phone", phone))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"code-sent\"")));
		assertThat(texted(db, PHONE_CHANGE, citizen.username()))
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		String code = code(db, PHONE_CHANGE, citizen.username());
		mvc.perform(post("/account/phone/confirm").with(csrf()).cookie(session).param("code", wrong(code)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")));
		assertThat(phoneOf(citizen)).isEqualTo(old);

		mvc.perform(post("/account/phone/confirm").with(csrf()).cookie(session).param("code", code))
			.andExpect(redirectedUrl("/account#security"));
		assertThat(phoneOf(citizen)).isEqualTo(phone);
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", citizen.authorization())
			.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items[0].kind").value("PHONE_CHANGED"))
			.andExpect(jsonPath("$.items[0].subject").value(containsString("from " + old.substring(0, 3) + "****"
					+ old.substring(7) + " to " + phone.substring(0, 3) + "****" + phone.substring(7))));
		// The alert is texted to the old phone, whose owner must hear of a change that
		// was not
		// theirs, and at once, whatever the hour.
		assertThat(db.sql("""
				SELECT address || ' ' || (next_attempt_at <= created_at) FROM notification_outbox
				WHERE recipient = :username AND template = 'identity.notice.phone-changed' AND channel = 'SMS'""")
			.param("username", citizen.username())
			.query(String.class)
			.list()).containsExactly(old + " true");
		// Reset codes now go to the new phone.
		mvc.perform(post("/api/v1/auth/password-reset").with(from("10.142.0.2"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"identifier\":\"%s\"}".formatted(citizen.username()))).andExpect(status().isAccepted());
		assertThat(texted(db, PASSWORD_RESET, citizen.username()))
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
	}

	@Test
	void signingOutEverywhereEndsEverySessionAndTokenOfTheAccountOnly() throws Exception {
		Citizen citizen = accounts.register(residents.aged(44).create());
		Citizen neighbour = accounts.register(residents.aged(47).create());
		Cookie here = signIn(mvc, citizen.username(), citizen.password());
		Cookie elsewhere = signIn(mvc, citizen.username(), citizen.password());
		Cookie theirs = signIn(mvc, neighbour.username(), neighbour.password());

		mvc.perform(post("/account/sign-out-everywhere").with(csrf()).cookie(here))
			.andExpect(redirectedUrl("/sign-in/signed-out-everywhere"));
		assertThat(signedIn(mvc, here)).isFalse();
		assertThat(signedIn(mvc, elsewhere)).isFalse();
		mvc.perform(get("/api/v1/me").header("Authorization", citizen.authorization()))
			.andExpect(status().isUnauthorized());
		assertThat(signedIn(mvc, theirs)).as("another citizen's session").isTrue();
		mvc.perform(get("/api/v1/me").header("Authorization", neighbour.authorization())).andExpect(status().isOk());
	}

	@Test
	void throughTheApiSigningOutEverywhereNeedsThePassword() throws Exception {
		Citizen citizen = accounts.register(residents.aged(48).create());
		mvc.perform(post("/api/v1/me/sign-out-everywhere").header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		mvc.perform(get("/api/v1/me").header("Authorization", citizen.authorization())).andExpect(status().isOk());
		mvc.perform(post("/api/v1/me/sign-out-everywhere").header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"%s\"}".formatted(citizen.password()))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", citizen.authorization()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theAccountPageShowsTheIdNumberMaskedUnlessAsked() throws Exception {
		Citizen citizen = accounts.register(residents.aged(52).create());
		String full = citizen.resident().idNumber().value();
		Cookie session = signIn(mvc, citizen.username(), citizen.password());
		String page = mvc.perform(get("/account").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(full.substring(0, 6) + "********" + full.substring(14))
			.doesNotContainIgnoringCase(full);
		mvc.perform(get("/account").param("show", "id-number").cookie(session))
			.andExpect(content().string(containsString(full)));
		for (String path : new String[] { "/account/password", "/account/phone", "/applications", "/" }) {
			mvc.perform(get(path).cookie(session)).andExpect(content().string(not(containsString(full))));
		}
	}

	private String phoneOf(Citizen citizen) {
		return db.sql("SELECT phone FROM identity_citizen WHERE id_number = :id")
			.param("id", citizen.resident().idNumber().value())
			.query(String.class)
			.single();
	}

}
