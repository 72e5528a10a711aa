package org.onestop.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.identity.account.AccountMvc.CodePurposeName.PASSWORD_RESET;
import static org.onestop.identity.account.AccountMvc.code;
import static org.onestop.identity.account.AccountMvc.from;
import static org.onestop.identity.account.AccountMvc.signIn;
import static org.onestop.identity.account.AccountMvc.signedIn;
import static org.onestop.identity.account.AccountMvc.wrong;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A forgotten password, reset with a code texted to the verified phone: the same answer
 * whether or not an account exists, codes that expire and allow a few tries, and a reset
 * that ends every session and token of the account.
 */
@IntegrationTest
class PasswordResetIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	@Test
	void aResetOnTheWebEndsEverySessionAndTokenAndLeavesANotice() throws Exception {
		Citizen citizen = accounts.register(residents.aged(45).create());
		Cookie laptop = signIn(mvc, citizen.username(), citizen.password());
		Cookie phone = signIn(mvc, citizen.username(), citizen.password());
		mvc.perform(get("/api/v1/me").header("Authorization", citizen.authorization())).andExpect(status().isOk());

		mvc.perform(post("/sign-in/forgot").with(csrf())
			.with(from("10.141.0.1"))
			.param("identifier", " " + citizen.username().toUpperCase() + " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"code-sent\"")));
		String code = code(db, PASSWORD_RESET, citizen.username());
		mvc.perform(post("/sign-in/forgot/confirm").with(csrf())
			.with(from("10.141.0.1"))
			.param("identifier", citizen.username())
			.param("code", code)
			.param("password", "a-new-secret-9")).andExpect(redirectedUrl("/sign-in/reset-done"));

		assertThat(signedIn(mvc, laptop)).as("the laptop's session").isFalse();
		assertThat(signedIn(mvc, phone)).as("the phone's session").isFalse();
		mvc.perform(get("/api/v1/me").header("Authorization", citizen.authorization()))
			.andExpect(status().isUnauthorized());
		assertThat(db.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
			.param("u", citizen.username())
			.query(Integer.class)
			.single()).isZero();
		mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(citizen.username(), citizen.password())))
			.andExpect(status().isUnauthorized());
		Cookie again = signIn(mvc, citizen.username(), "a-new-secret-9");
		assertThat(signedIn(mvc, again)).isTrue();
		String token = org.onestop.platform.Tokens.of(mvc, citizen.username(), "a-new-secret-9");
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items[0].kind").value("PASSWORD_RESET"))
			.andExpect(jsonPath("$.items[0].subject").value(containsString("reset with a code")))
			.andExpect(jsonPath("$.items[0].link").value("/account#security"));
		// The code is spent.
		confirm(citizen.username(), code, "another-secret-9", "10.141.0.1").andExpect(status().isBadRequest());
	}

	@Test
	void askingByPhoneOrUsernameAnswersTheSameWhetherOrNotAnAccountHasIt() throws Exception {
		Citizen citizen = accounts.register(residents.aged(38).create());
		String phone = uniquePhone();
		db.sql("UPDATE identity_citizen SET phone = :p WHERE id_number = :id")
			.param("p", phone)
			.param("id", citizen.resident().idNumber().value())
			.update();

		String known = request(phone, "10.141.1.1").andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(code(db, PASSWORD_RESET, phone)).matches("\\d{6}");
		for (String nobody : new String[] { uniquePhone(), "11010519491231002x", "no.such.user" }) {
			String answer = request(nobody, "10.141.1.2").andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(answer).as(nobody).isEqualTo(known);
			assertThat(db.sql("SELECT count(*) FROM identity_one_time_code WHERE subject = :s")
				.param("s", nobody.toLowerCase())
				.query(Integer.class)
				.single()).as(nobody).isZero();
		}

		// Typed with spaces and +86 it is the same phone; the code resets the account.
		String code = code(db, PASSWORD_RESET, phone);
		confirm("+86 " + phone.substring(0, 3) + " " + phone.substring(3), code, "by-phone-secret-1", "10.141.1.1")
			.andExpect(status().isNoContent());
		org.onestop.platform.Tokens.of(mvc, citizen.username(), "by-phone-secret-1");
	}

	@Test
	void aPhoneSharedByTwoAccountsFindsNeitherButTheUsernameDoes() throws Exception {
		Citizen mother = accounts.register(residents.aged(70).create());
		Citizen son = accounts.register(residents.aged(40).create());
		String phone = uniquePhone();
		db.sql("UPDATE identity_citizen SET phone = :p WHERE account_id IN "
				+ "(SELECT id FROM identity_account WHERE username IN (:a, :b))")
			.param("p", phone)
			.param("a", mother.username())
			.param("b", son.username())
			.update();
		request(phone, "10.141.2.1").andExpect(status().isAccepted());
		assertThat(db.sql("SELECT count(*) FROM identity_one_time_code WHERE subject = :s")
			.param("s", phone)
			.query(Integer.class)
			.single()).isZero();
		request(mother.username(), "10.141.2.1").andExpect(status().isAccepted());
		assertThat(AccountMvc.texted(db, PASSWORD_RESET, mother.username()))
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
	}

	@Test
	void onceOneCodeResetsTheOtherLiveCodesOfTheAccountNoLongerDo() throws Exception {
		Citizen citizen = accounts.register(residents.aged(38).create());
		String phone = uniquePhone();
		db.sql("UPDATE identity_citizen SET phone = :p WHERE account_id IN "
				+ "(SELECT id FROM identity_account WHERE username = :u)")
			.param("p", phone)
			.param("u", citizen.username())
			.update();
		request(phone, "10.141.7.1").andExpect(status().isAccepted());
		request(citizen.username(), "10.141.7.1").andExpect(status().isAccepted());
		String byPhone = code(db, PASSWORD_RESET, phone);
		String byName = code(db, PASSWORD_RESET, citizen.username());
		confirm(phone, byPhone, "a-new-secret-9", "10.141.7.1").andExpect(status().isNoContent());
		confirm(citizen.username(), byName, "another-secret-9", "10.141.7.1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void aWrongCodeCostsATryTheFifthVoidsItAndAFieldSaysWhy() throws Exception {
		Citizen citizen = accounts.register(residents.aged(50).create());
		request(citizen.username(), "10.141.3.1").andExpect(status().isAccepted());
		String code = code(db, PASSWORD_RESET, citizen.username());
		confirm(citizen.username(), wrong(code), "a-new-secret-9", "10.141.3.1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		confirm(citizen.username(), "12ab", "short", "10.141.3.1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("code", "password")));
		for (int i = 0; i < 4; i++) {
			confirm(citizen.username(), wrong(code), "a-new-secret-9", "10.141.3.1").andExpect(status().isBadRequest());
		}
		// Five wrong tries: the right code no longer works.
		confirm(citizen.username(), code, "a-new-secret-9", "10.141.3.1").andExpect(status().isBadRequest());
		org.onestop.platform.Tokens.of(mvc, citizen.username(), citizen.password());
	}

	@Test
	void anExpiredCodeNoLongerResets() throws Exception {
		Citizen citizen = accounts.register(residents.aged(33).create());
		try {
			clock.moveTo(Instant.now().minus(Duration.ofMinutes(11)));
			request(citizen.username(), "10.141.4.1").andExpect(status().isAccepted());
		}
		finally {
			clock.reset();
		}
		String code = code(db, PASSWORD_RESET, citizen.username());
		confirm(citizen.username(), code, "a-new-secret-9", "10.141.4.1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void codesAreLimitedPerTypedNameAndPerAddress() throws Exception {
		Citizen citizen = accounts.register(residents.aged(29).create());
		for (int i = 0; i < 5; i++) {
			request(citizen.username(), "10.141.5." + (i + 1)).andExpect(status().isAccepted());
		}
		request(citizen.username(), "10.141.5.9").andExpect(status().isTooManyRequests());
		for (int i = 0; i < 10; i++) {
			request("nobody." + i, "10.141.6.1").andExpect(status().isAccepted());
		}
		request("nobody.else", "10.141.6.1").andExpect(status().isTooManyRequests());
	}

	private ResultActions request(String identifier, String address) throws Exception {
		return mvc.perform(post("/api/v1/auth/password-reset").with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"identifier\":\"%s\"}".formatted(identifier)));
	}

	private ResultActions confirm(String identifier, String code, String password, String address) throws Exception {
		return mvc.perform(post("/api/v1/auth/password-reset/confirm").with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"identifier\":\"%s\",\"code\":\"%s\",\"password\":\"%s\"}".formatted(identifier, code,
					password)));
	}

	static String uniquePhone() {
		return "199" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
	}

}
