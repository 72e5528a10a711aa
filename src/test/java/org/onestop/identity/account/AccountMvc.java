package org.onestop.identity.account;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Signing in on the web, and reading the codes the demo outbox would have texted. */
final class AccountMvc {

	private AccountMvc() {
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A fresh web session of this account (a browser of its own). */
	static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
		Cookie session = mvc
			.perform(post("/sign-in").with(csrf()).param("username", username).param("password", password))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		assertThat(session).as("session of %s", username).isNotNull();
		return session;
	}

	/** Whether this session still reaches the account page. */
	static boolean signedIn(MockMvc mvc, Cookie session) throws Exception {
		return mvc.perform(get("/account").cookie(session)).andReturn().getResponse().getStatus() == 200;
	}

	/** The code last texted for this purpose and subject, as the SMS would have said. */
	static String code(JdbcClient db, CodePurposeName purpose, String subject) {
		List<String> codes = db
			.sql("SELECT code FROM identity_demo_text_message WHERE purpose = :purpose AND subject = :subject")
			.param("purpose", purpose.name())
			.param("subject", subject)
			.query(String.class)
			.list();
		assertThat(codes).as("%s code for %s", purpose, subject).hasSize(1);
		return codes.get(0);
	}

	/** The phone the code last texted for this purpose and subject went to, masked. */
	static String texted(JdbcClient db, CodePurposeName purpose, String subject) {
		return db
			.sql("SELECT phone_masked FROM identity_demo_text_message WHERE purpose = :purpose AND subject = :subject")
			.param("purpose", purpose.name())
			.param("subject", subject)
			.query(String.class)
			.single();
	}

	enum CodePurposeName {

		PASSWORD_RESET, PHONE_CHANGE

	}

	/** A wrong code: the right one with its last digit changed. */
	static String wrong(String code) {
		return code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);
	}

}
