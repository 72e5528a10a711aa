package org.onestop.identity.code;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.DemoTexts;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What one-time codes cost an attacker: tries per address an hour on every confirmation,
 * per ID number or username a day the codes sent, so that five codes an hour with five
 * tries each cannot add up to hundreds of guesses a day, and per ID number and address a
 * day the tries, so that an attacker's wrong guesses cannot lock the resident out.
 */
@IntegrationTest
class OneTimeCodeLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	OneTimeCodeProperties settings;

	@Autowired
	Residents residents;

	private ResultActions confirmRegistration(String idNumber, String code, String address) throws Exception {
		return mvc.perform(post("/api/v1/citizens/confirm").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"idNumber\":\"%s\",\"code\":\"%s\",\"password\":\"a-long-password\"}".formatted(idNumber,
					code)));
	}

	private ResultActions confirmUnlock(String username, String code, String address) throws Exception {
		return mvc.perform(post("/api/v1/auth/unlock/confirm").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"username\":\"%s\",\"code\":\"%s\"}".formatted(username, code)));
	}

	private ResultActions requestRegistration(String name, String idNumber, String address) throws Exception {
		return mvc.perform(post("/api/v1/citizens").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(name, idNumber)));
	}

	private ResultActions requestUnlock(String username, String address) throws Exception {
		return mvc.perform(post("/api/v1/auth/unlock").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"username\":\"%s\"}".formatted(username)));
	}

	/** As if the hour had passed for this subject's hourly count of codes. */
	private void anHourLater(String key) {
		db.sql("UPDATE identity_hourly_count SET window_start = window_start - interval '61 minutes' WHERE key = :key "
				+ "AND scope IN ('registration-code', 'unlock-code')")
			.param("key", key)
			.update();
	}

	@Test
	void oneAddressGetsOnlySoManyCodeTriesAnHourOnEveryConfirmation() throws Exception {
		String address = "10.31.0.1";
		for (int i = 0; i < settings.triesPerAddressPerHour(); i++) {
			String idNumber = ResidentIdNumber.complete("11010119490101%03d".formatted(i)).value();
			int status = (i % 2 == 0 ? confirmRegistration(idNumber, "123456", address)
					: confirmUnlock("nobody." + i, "123456", address))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status != 400) {
				throw new AssertionError("try " + i + " answered " + status);
			}
		}
		confirmRegistration(ResidentIdNumber.complete("11010119490101999").value(), "123456", address)
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("Too many codes have been tried from here")));
		confirmUnlock("nobody.else", "123456", address).andExpect(status().isTooManyRequests());
		mvc.perform(post("/register/confirm").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.cookie(new Cookie("onestop_lang", "en"))
			.param("idNumber", "110101199003071233")
			.param("code", "123456")
			.param("password", "a-long-password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("Too many codes have been tried from here")));
		mvc.perform(post("/sign-in/unlock/confirm").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		}).cookie(new Cookie("onestop_lang", "en")).param("username", "li.na").param("code", "123456"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("Too many codes have been tried from here")));
		// Another address is not affected.
		confirmUnlock("nobody.else", "123456", "10.31.0.2").andExpect(status().isBadRequest());
	}

	@Test
	void oneIdNumberGetsOnlySoManyCodesADayWhoeverAsks() throws Exception {
		// Nobody's number: the limit is counted before the registry is asked.
		String idNumber = ResidentIdNumber.complete("11010119480202001").value();
		int sent = 0;
		while (sent < settings.perSubjectPerDay()) {
			requestRegistration("某人", idNumber, "10.32.0." + sent).andExpect(status().isAccepted());
			sent++;
			if (sent % settings.perSubjectPerHour() == 0) {
				anHourLater(idNumber);
			}
		}
		anHourLater(idNumber);
		requestRegistration("某人", idNumber, "10.32.1.1").andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("today")));
	}

	@Test
	void oneUsernameGetsOnlySoManyUnlockCodesADay() throws Exception {
		int sent = 0;
		while (sent < settings.perSubjectPerDay()) {
			requestUnlock("daily.unlock.target", "10.33.0." + sent).andExpect(status().isAccepted());
			sent++;
			if (sent % settings.perSubjectPerHour() == 0) {
				anHourLater("daily.unlock.target");
			}
		}
		anHourLater("daily.unlock.target");
		requestUnlock("daily.unlock.target", "10.33.1.1").andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("today")));
	}

	@Test
	void oneAddressGetsOnlySoManyTriesADayAtAnIdNumberEvenWithTheRightCode() throws Exception {
		Resident resident = residents.aged(55).create();
		String idNumber = resident.idNumber().value();
		String address = "10.34.0.1";
		for (int i = 0; i < settings.triesPerSubjectAndAddressPerDay(); i++) {
			confirmRegistration(idNumber, "%06d".formatted(i), address).andExpect(status().isBadRequest());
			if (i % 10 == 9) {
				anHourLaterForTries(address);
			}
		}
		requestRegistration(resident.name(), idNumber, address).andExpect(status().isAccepted());
		String code = DemoTexts.registrationCodes(mvc, idNumber).get(0);
		confirmRegistration(idNumber, code, address).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("from here today")));
		org.assertj.core.api.Assertions
			.assertThat(db.sql("SELECT count(*) FROM identity_account WHERE username = :u")
				.param("u", idNumber.toLowerCase())
				.query(Integer.class)
				.single())
			.isZero();
	}

	@Test
	void anAttackersWrongTriesDoNotLockTheResidentOutOfTheirRealCode() throws Exception {
		// A resident with a phone in the registry and no account; the attacker guesses
		// from one address.
		Resident resident = residents.aged(45).create();
		String idNumber = resident.idNumber().value();
		String attacker = "10.35.0.1";
		for (int i = 0; i < settings.triesPerSubjectAndAddressPerDay() + 5; i++) {
			int status = confirmRegistration(idNumber, "%06d".formatted(i), attacker).andReturn()
				.getResponse()
				.getStatus();
			org.assertj.core.api.Assertions.assertThat(status).isIn(400, 429);
			if (i % 10 == 9) {
				anHourLaterForTries(attacker);
			}
		}
		confirmRegistration(idNumber, "000000", attacker).andExpect(status().isTooManyRequests());
		// The resident, at home, asks for a code and confirms it.
		String home = "10.35.1.1";
		requestRegistration(resident.name(), idNumber, home).andExpect(status().isAccepted());
		String code = DemoTexts.registrationCodes(mvc, idNumber).get(0);
		confirmRegistration(idNumber, code, home).andExpect(status().is2xxSuccessful());
		org.assertj.core.api.Assertions
			.assertThat(db.sql("SELECT count(*) FROM identity_account WHERE username = :u")
				.param("u", idNumber.toLowerCase())
				.query(Integer.class)
				.single())
			.isOne();
	}

	/**
	 * As if the hour had passed for this address's hourly count of tries (the daily
	 * counts stay).
	 */
	private void anHourLaterForTries(String address) {
		db.sql("UPDATE identity_hourly_count SET window_start = window_start - interval '61 minutes' WHERE key = :key "
				+ "AND scope = 'code-try-address'")
			.param("key", address)
			.update();
	}

}
