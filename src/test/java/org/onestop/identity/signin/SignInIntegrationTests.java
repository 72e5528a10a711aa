package org.onestop.identity.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.signin.SignIn;
import org.onestop.identity.signin.SignInLockedException;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API sign-in, tokens and the lockout after five failures. */
@IntegrationTest
class SignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	private ResultActions login(String username, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
	}

	@Test
	void rightCredentialsGiveATokenThatExpiresLater() throws Exception {
		login("zhao.lei", "demo12345").andExpect(status().isOk())
			.andExpect(jsonPath("$.token").isString())
			.andExpect(jsonPath("$.expiresAt").isString());
	}

	@Test
	void usernamesAreNotCaseSensitive() throws Exception {
		login("  Zhao.Lei ", "demo12345").andExpect(status().isOk());
	}

	@Test
	void wrongCredentialsAreA401ProblemThatDoesNotSayWhichWasWrong() throws Exception {
		String wrongPassword = login("wang.fang", "wrong-password").andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownUser = login("nobody.here", "wrong-password").andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrongPassword).isEqualTo(unknownUser);
		db.sql("DELETE FROM identity_sign_in_failure").update();
	}

	@Test
	void missingFieldsAreA400WithFieldErrors() throws Exception {
		mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value("请输入密码"));
	}

	@Test
	void fiveFailuresInARowLockForFifteenMinutesEvenWithTheRightPassword() throws Exception {
		for (int i = 1; i < SignInAttempts.MAX_FAILURES; i++) {
			login("clerk.hr", "wrong").andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail").value("The username or password is not right."));
		}
		Instant before = Instant.now();
		login("clerk.hr", "wrong").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("locked on this connection until")))
			.andExpect(jsonPath("$.lockedUntil").isString());
		login("clerk.hr", "demo12345").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("locked on this connection until")));

		Instant until = db.sql("SELECT locked_until FROM identity_sign_in_failure WHERE username = 'clerk.hr'")
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(until).isBetween(before.plusSeconds(14 * 60), before.plusSeconds(16 * 60));

		// When the lock has run out the count starts afresh: one more wrong guess is
		// an ordinary refusal, not a new lock, and the right password works again.
		db.sql("UPDATE identity_sign_in_failure SET locked_until = :past WHERE username = 'clerk.hr'")
			.param("past", Timestamp.from(Instant.now().minusSeconds(1)))
			.update();
		login("clerk.hr", "wrong").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The username or password is not right."))
			.andExpect(jsonPath("$.lockedUntil").doesNotExist());
		assertThat(db.sql("SELECT failures FROM identity_sign_in_failure WHERE username = 'clerk.hr'")
			.query(Integer.class)
			.single()).isOne();
		login("clerk.hr", "demo12345").andExpect(status().isOk());
		assertThat(db.sql("SELECT count(*) FROM identity_sign_in_failure WHERE username = 'clerk.hr'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Autowired
	SignIn signIn;

	@Test
	void parallelGuessesGetNoMoreThanFiveTries() throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
		java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger locked = new java.util.concurrent.atomic.AtomicInteger();
		var tries = new java.util.ArrayList<java.util.concurrent.Future<?>>();
		for (int i = 0; i < 30; i++) {
			tries.add(pool.submit(() -> {
				try {
					signIn.authenticate("head.civil", "guess", "api", "10.1.1.1");
				}
				catch (SignInLockedException ex) {
					locked.incrementAndGet();
				}
				catch (org.springframework.security.authentication.BadCredentialsException ex) {
					checked.incrementAndGet();
				}
			}));
		}
		for (var t : tries) {
			t.get();
		}
		pool.shutdown();
		assertThat(checked.get()).isLessThanOrEqualTo(SignInAttempts.MAX_FAILURES - 1);
		assertThat(checked.get() + locked.get()).isEqualTo(30);
		db.sql("DELETE FROM identity_sign_in_failure WHERE username = 'head.civil'").update();
	}

	@Test
	void aLockLooksTheSameForAUsernameThatDoesNotExist() throws Exception {
		for (int i = 1; i < SignInAttempts.MAX_FAILURES; i++) {
			login("no.such.person", "wrong").andExpect(status().isUnauthorized());
		}
		login("no.such.person", "wrong").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("locked on this connection until")));
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.sign-in.locked' "
					+ "AND subject = 'username:no.such.person'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTokenIdentifiesItsHolderUntilRevoked() throws Exception {
		String token = Tokens.of(mvc, "clerk.civil");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("clerk.civil"))
			.andExpect(jsonPath("$.kind").value("STAFF"))
			.andExpect(jsonPath("$.department.code").value("CA"))
			.andExpect(jsonPath("$.department.name").value("Civil Affairs Bureau"))
			.andExpect(jsonPath("$.roles[0]").value("CLERK"))
			.andExpect(jsonPath("$.idNumber").doesNotExist());

		mvc.perform(post("/api/v1/auth/logout").header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void tokensAreStoredOnlyAsHashes() throws Exception {
		String token = Tokens.of(mvc, "zhao.lei");
		assertThat(tokenRows(token)).as("rows holding the token itself").isZero();
		// The SHA-256 and nothing reversible: an upper-cased or base64 copy of the
		// token would also not equal it, and would pass the check above.
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		assertThat(tokenRows(sha256)).as("rows holding the token's SHA-256").isOne();
	}

	private int tokenRows(String storedValue) {
		return db.sql("SELECT count(*) FROM identity_api_token WHERE token_hash = :t")
			.param("t", storedValue)
			.query(Integer.class)
			.single();
	}

	@Test
	void anExpiredOrMadeUpTokenIsRefused() throws Exception {
		String token = Tokens.of(mvc, "zhao.lei");
		db.sql("UPDATE identity_api_token SET expires_at = now() - interval '1 second' WHERE account_id = "
				+ "(SELECT id FROM identity_account WHERE username = 'zhao.lei')")
			.update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer made-up")).andExpect(status().isUnauthorized());
	}

}
