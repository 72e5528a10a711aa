package org.onestop.identity;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import org.onestop.platform.Tokens;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reads one-time codes the way a demo administrator does, from the stand-in for the SMS
 * gateway ({@code GET /api/v1/admin/demo/codes}), and registers residents through both
 * steps with them.
 */
public final class DemoTexts {

	private DemoTexts() {
	}

	/** The live registration code for this ID number, if one was sent. */
	public static List<String> registrationCodes(MockMvc mvc, String idNumber) throws Exception {
		return codes(mvc, "REGISTRATION", ResidentIdNumber.parse(idNumber).masked());
	}

	/**
	 * The live codes for a purpose and recipient (a masked ID number, or a username),
	 * newest first.
	 */
	public static List<String> codes(MockMvc mvc, String purpose, String recipient) throws Exception {
		String body = mvc
			.perform(get("/api/v1/admin/demo/codes").header("Authorization", "Bearer " + Tokens.of(mvc, "admin")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$[?(@.purpose == '" + purpose + "' && @.recipient == '" + recipient + "')].code");
	}

	/** Step one: name and ID number. */
	public static ResultActions requestCode(MockMvc mvc, String name, String idNumber) throws Exception {
		return mvc.perform(post("/api/v1/citizens").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(name, idNumber)));
	}

	/** Step two: the code and a password. */
	public static ResultActions confirm(MockMvc mvc, String idNumber, String code, String password) throws Exception {
		return mvc.perform(post("/api/v1/citizens/confirm").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"idNumber\":\"%s\",\"code\":\"%s\",\"password\":\"%s\"}".formatted(idNumber, code, password)));
	}

	/**
	 * Both steps, with the code the registry's phone would have received; fails if none
	 * was sent.
	 */
	public static ResultActions register(MockMvc mvc, JdbcClient db, String name, String idNumber, String password)
			throws Exception {
		// From an address of its own: test data made by the hundred must not use up the
		// hourly limits of 127.0.0.1, which the tests of those limits and every other
		// registration share.
		int n = NEXT_ADDRESS.getAndIncrement();
		RequestPostProcessor from = request -> {
			request.setRemoteAddr("10.250.%d.%d".formatted(n / 250 % 250, n % 250 + 1));
			return request;
		};
		mvc.perform(post("/api/v1/citizens").with(from)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(name, idNumber)))
			.andExpect(status().isAccepted());
		// Read by the full ID number: the outbox's page shows it masked, and among
		// hundreds of test residents two share the unmasked digits; a test that moved
		// the clock back also sees every later code as live, newest first.
		List<String> codes = db
			.sql("SELECT code FROM identity_demo_text_message WHERE purpose = 'REGISTRATION' AND subject = :id")
			.param("id", idNumber)
			.query(String.class)
			.list();
		if (codes.isEmpty()) {
			throw new AssertionError("No registration code was sent for " + idNumber);
		}
		return mvc.perform(post("/api/v1/citizens/confirm").with(from)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"idNumber\":\"%s\",\"code\":\"%s\",\"password\":\"%s\"}".formatted(idNumber, codes.get(0),
					password)));
	}

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

}
