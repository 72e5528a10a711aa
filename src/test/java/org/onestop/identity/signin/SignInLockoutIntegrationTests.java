package org.onestop.identity.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.identity.DemoTexts;
import org.onestop.IntegrationTest;
import org.onestop.identity.signin.SignIn;
import org.onestop.identity.signin.SignInLockedException;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in lockout costs the attacker, not the victim: locks per username and address,
 * a back-off per username for attacks from many addresses, unlocking with a texted code,
 * and the administrators' audited unlock.
 */
@IntegrationTest
class SignInLockoutIntegrationTests {

	private static final String PASSWORD = SignInRequests.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	SignIn signIn;

	private ResultActions login(String username, String password, String address) throws Exception {
		return SignInRequests.login(mvc, username, password, address);
	}

	private void staff(String username) throws Exception {
		SignInRequests.staff(mvc, username);
	}

	private void failFiveTimes(String username, String address) throws Exception {
		for (int i = 1; i < SignInAttempts.MAX_FAILURES; i++) {
			login(username, "wrong", address).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail").value("The username or password is not right."));
		}
		login(username, "wrong", address).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("locked on this connection")));
	}

	@Test
	void anAttackerLocksOnlyTheirOwnAddress() throws Exception {
		staff("lockout.victim");
		failFiveTimes("lockout.victim", "10.66.0.1");

		// The attacker's address stays locked, even with the right password...
		login("lockout.victim", PASSWORD, "10.66.0.1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.lockedUntil").isString());
		// ...while the real user at their own address signs in.
		login("lockout.victim", PASSWORD, "10.66.0.2").andExpect(status().isOk());
		// And that success does not hand the attacker new guesses.
		login("lockout.victim", PASSWORD, "10.66.0.1").andExpect(status().isUnauthorized());
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.sign-in.locked' "
					+ "AND subject = 'username:lockout.victim' AND summary LIKE '%10.66.0.1%'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void failuresFromManyAddressesSlowEveryNewAddressButNotTheRealUsersOwn() throws Exception {
		staff("backoff.victim");
		// The real user has signed in from home before.
		login("backoff.victim", PASSWORD, "10.77.0.100").andExpect(status().isOk());
		// A guessing attack spread over many addresses, each under its own limit.
		for (int i = 0; i < SignInAttempts.BACKOFF_AFTER; i++) {
			login("backoff.victim", "guess-" + i, "10.77.0." + i).andExpect(status().isUnauthorized());
		}
		// The next check must wait, whoever asks from somewhere new, even with the right
		// password.
		login("backoff.victim", PASSWORD, "10.77.0.50").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.retryAt").isString())
			.andExpect(jsonPath("$.detail").value(containsString("try again after")));
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.sign-in.locked' "
					+ "AND subject = 'username:backoff.victim'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The refusal did not count against that address.
		assertThat(db
			.sql("SELECT failures FROM identity_sign_in_failure WHERE username = 'backoff.victim' "
					+ "AND client = '10.77.0.50'")
			.query(Integer.class)
			.single()).isZero();

		// The real user at home is not kept out.
		login("backoff.victim", PASSWORD, "10.77.0.100").andExpect(status().isOk());
	}

	@Test
	void duringTheBackOffOnlyOneCheckRunsPerWaitWhateverTheAddresses() throws Exception {
		// Fifteen failures so far, and the wait has just run out.
		db.sql("""
				INSERT INTO identity_sign_in_backoff (username, failures, last_failure_at, not_before)
				VALUES ('distributed.target', 15, now(), now() - interval '1 second')""").update();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Future<Boolean>> tries = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String address = "10.55.0." + i;
			tries.add(pool.submit(() -> {
				try {
					signIn.authenticate("distributed.target", "guess", "api", address);
					return false;
				}
				catch (BadCredentialsException ex) {
					return true;
				}
				catch (SignInLockedException ex) {
					assertThat(ex.everywhere()).isTrue();
					return false;
				}
			}));
		}
		int checked = 0;
		for (Future<Boolean> t : tries) {
			checked += t.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(checked).isEqualTo(1);
		// The failure set the next wait: 2^(16-10) seconds.
		assertThat(db.sql("SELECT failures FROM identity_sign_in_backoff WHERE username = 'distributed.target'")
			.query(Integer.class)
			.single()).isEqualTo(16);
		assertThat(db
			.sql("SELECT extract(epoch FROM not_before - last_failure_at) FROM identity_sign_in_backoff "
					+ "WHERE username = 'distributed.target'")
			.query(Double.class)
			.single()).isCloseTo(64, org.assertj.core.data.Offset.offset(1.0));
	}

	@Test
	void anAdministratorLiftsEveryLockAndItIsAudited() throws Exception {
		staff("unlock.target");
		failFiveTimes("unlock.target", "10.88.0.1");
		failFiveTimes("unlock.target", "10.88.0.2");
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(get("/api/v1/admin/sign-in-locks").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username == 'unlock.target')].lockedAddresses").value(2));

		// Nobody but an administrator may.
		for (String other : new String[] { "editor", "li.na", "head.civil" }) {
			mvc.perform(delete("/api/v1/admin/sign-in-locks/unlock.target").header("Authorization",
					"Bearer " + Tokens.of(mvc, other)))
				.andExpect(status().isForbidden());
		}
		login("unlock.target", PASSWORD, "10.88.0.1").andExpect(status().isUnauthorized());

		mvc.perform(delete("/api/v1/admin/sign-in-locks/unlock.target").header("Authorization", admin))
			.andExpect(status().isNoContent());
		login("unlock.target", PASSWORD, "10.88.0.1").andExpect(status().isOk());
		mvc.perform(get("/api/v1/admin/sign-in-locks").header("Authorization", admin))
			.andExpect(jsonPath("$[?(@.username == 'unlock.target')]").isEmpty());
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.sign-in.unlocked' "
					+ "AND actor = 'admin' AND subject = 'username:unlock.target'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theStaffPageListsLocksAndUnlocksThem() throws Exception {
		failFiveTimes("page.unlock.target", "10.88.1.1");
		Cookie admin = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "admin").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		mvc.perform(get("/admin/staff").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("page.unlock.target")));
		mvc.perform(post("/admin/staff/unlock").with(csrf()).cookie(admin).param("username", "page.unlock.target"))
			.andExpect(redirectedUrl("/admin/staff?unlocked=page.unlock.target"));
		assertThat(db.sql("SELECT count(*) FROM identity_sign_in_failure WHERE username = 'page.unlock.target'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.sign-in.unlocked' "
					+ "AND subject = 'username:page.unlock.target'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		// A citizen's session may not.
		Cookie citizen = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "wang.fang").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		mvc.perform(post("/admin/staff/unlock").with(csrf()).cookie(citizen).param("username", "admin"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCitizenUnlocksTheirOwnAddressWithACodeTextedToTheRegistryPhone() throws Exception {
		Resident resident = residents.aged(37).create();
		accounts.register(resident, PASSWORD);
		String username = resident.username();
		String maskedPhone = resident.phone().substring(0, 3) + "****" + resident.phone().substring(7);
		failFiveTimes(username, "10.99.0.1");

		mvc.perform(post("/api/v1/auth/unlock").with(r -> {
			r.setRemoteAddr("10.99.0.1");
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + username + "\"}"))
			.andExpect(status().isAccepted());
		mvc.perform(get("/api/v1/admin/demo/codes").header("Authorization", "Bearer " + Tokens.of(mvc, "admin")))
			.andExpect(jsonPath("$[?(@.purpose == 'UNLOCK' && @.recipient == '" + username + "')].phone")
				.value(maskedPhone));
		String code = DemoTexts.codes(mvc, "UNLOCK", username).get(0);

		unlock(username, code.equals("000000") ? "111111" : "000000", "10.99.0.1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		login(username, PASSWORD, "10.99.0.1").andExpect(status().isUnauthorized());

		unlock(username, code, "10.99.0.1").andExpect(status().isNoContent());
		login(username, PASSWORD, "10.99.0.1").andExpect(status().isOk());
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.sign-in.unlocked' "
					+ "AND actor = :u AND subject = :s")
			.param("u", username)
			.param("s", "username:" + username)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staffAndUnknownUsernamesGetTheSameAnswerAndNoCode() throws Exception {
		for (String username : new String[] { "reviewer.ps", "nobody.at.all" }) {
			mvc.perform(post("/api/v1/auth/unlock").with(r -> {
				r.setRemoteAddr("10.99.1.1");
				return r;
			})
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"username\":\"" + username + "\"}"))
				.andExpect(status().isAccepted())
				.andExpect(
						jsonPath("$.message").value(containsString("If this account has a registered mobile number")));
			assertThat(DemoTexts.codes(mvc, "UNLOCK", username)).isEmpty();
		}
	}

	@Test
	void theSignInPageOffersTheUnlockByCodeAndItWorks() throws Exception {
		for (int i = 0; i < SignInAttempts.MAX_FAILURES; i++) {
			mvc.perform(post("/sign-in").with(csrf()).with(r -> {
				r.setRemoteAddr("10.99.2.1");
				return r;
			}).param("username", "li.na").param("password", "wrong"));
		}
		var failed = mvc.perform(post("/sign-in").with(csrf()).with(r -> {
			r.setRemoteAddr("10.99.2.1");
			return r;
		}).param("username", "li.na").param("password", "demo12345")).andReturn();
		mvc.perform(get("/sign-in").cookie(failed.getResponse().getCookie("ONESTOP_SESSION"),
				new Cookie("onestop_lang", "en")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("href=\"/sign-in/unlock?username=li.na\"")));

		mvc.perform(post("/sign-in/unlock").with(csrf()).with(r -> {
			r.setRemoteAddr("10.99.2.1");
			return r;
		}).param("username", "li.na").cookie(new Cookie("onestop_lang", "en")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("If this account has a registered mobile number")));
		String code = DemoTexts.codes(mvc, "UNLOCK", "li.na").get(0);
		mvc.perform(post("/sign-in/unlock/confirm").with(csrf()).with(r -> {
			r.setRemoteAddr("10.99.2.1");
			return r;
		}).param("username", "li.na").param("code", code)).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(post("/sign-in").with(csrf()).with(r -> {
			r.setRemoteAddr("10.99.2.1");
			return r;
		}).param("username", "li.na").param("password", "demo12345")).andExpect(redirectedUrl("/account"));
	}

	private ResultActions unlock(String username, String code, String address) throws Exception {
		return mvc.perform(post("/api/v1/auth/unlock/confirm").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"code\":\"" + code + "\"}"));
	}

}
