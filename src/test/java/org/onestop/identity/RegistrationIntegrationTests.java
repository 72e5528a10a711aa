package org.onestop.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.identity.DemoTexts.confirm;
import static org.onestop.identity.DemoTexts.registrationCodes;
import static org.onestop.identity.DemoTexts.requestCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Self-registration through the API: details, then a one-time code texted to the phone
 * the population registry holds, then the account. Registration must tell nobody who is a
 * resident, whose name is what, or who has an account.
 */
@IntegrationTest
class RegistrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Test
	void aResidentWhoseDetailsMatchConfirmsWithTheCodeSentToTheRegistryPhone() throws Exception {
		requestCode(mvc, "陈晓明", "110101199003071233").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.message").value(containsString("If your details match")));
		// The registry holds 13642301720 for him; only a hash of the code is stored.
		String code = registrationCodes(mvc, "110101199003071233").get(0);
		assertThat(code).matches("\\d{6}");
		String hash = db.sql("SELECT code_hash FROM identity_one_time_code WHERE subject = '110101199003071233'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(code);
		mvc.perform(get("/api/v1/admin/demo/codes").header("Authorization", "Bearer " + Tokens.of(mvc, "admin")))
			.andExpect(jsonPath("$[?(@.recipient == '110101********1233')].phone").value("136****1720"));

		confirm(mvc, "110101199003071233", code, "chen-secret-1").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/me"))
			.andExpect(jsonPath("$.username").value("110101199003071233"));

		String token = Tokens.of(mvc, "110101199003071233", "chen-secret-1");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("CITIZEN"))
			.andExpect(jsonPath("$.displayName").value("陈晓明"))
			.andExpect(jsonPath("$.idNumber").value("110101199003071233"));
		assertThat(db.sql("SELECT phone FROM identity_citizen WHERE id_number = '110101199003071233'")
			.query(String.class)
			.single()).isEqualTo("13642301720");
		assertThat(db.sql("SELECT password_hash FROM identity_account WHERE username = '110101199003071233'")
			.query(String.class)
			.single()).startsWith("{bcrypt}").doesNotContain("chen-secret-1");
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.citizen.registered' "
					+ "AND subject = 'resident:110101199003071233'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The code is spent.
		confirm(mvc, "110101199003071233", code, "chen-secret-1").andExpect(status().isBadRequest());
		assertThat(registrationCodes(mvc, "110101199003071233")).isEmpty();
	}

	@Test
	void everyMismatchGetsTheSameAnswerAsAMatchAndNoCode() throws Exception {
		String match = requestCode(mvc, "唐涛", "110102196304219337").andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(registrationCodes(mvc, "110102196304219337")).hasSize(1);
		int codes = db.sql("SELECT count(*) FROM identity_one_time_code").query(Integer.class).single();

		List<String[]> mismatches = List.of(
				// Valid by the standard, but no such resident.
				new String[] { "张三", "11010519491231002X" },
				// 周超 is in the registry under this number; the typed name is someone
				// else's.
				new String[] { "李四", "110105198912194530" },
				// 李娜 already has the demo account li.na.
				new String[] { "李娜", "110106198806158882" },
				// 张子轩 is a resident, but the registry holds no phone for him.
				new String[] { "张子轩", "110106201609017073" });
		for (String[] mismatch : mismatches) {
			String answer = requestCode(mvc, mismatch[0], mismatch[1]).andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(answer).as(mismatch[1]).isEqualTo(match);
			assertThat(registrationCodes(mvc, mismatch[1])).as(mismatch[1]).isEmpty();
		}
		assertThat(db.sql("SELECT count(*) FROM identity_one_time_code").query(Integer.class).single())
			.isEqualTo(codes);
	}

	@Test
	void aWrongCodeCostsATryAndTheFifthVoidsTheCode() throws Exception {
		Resident resident = residents.aged(40).create();
		String name = resident.name();
		String id = resident.idNumber().value();
		requestCode(mvc, name, id).andExpect(status().isAccepted());
		String code = registrationCodes(mvc, id).get(0);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			confirm(mvc, id, wrong, "a-long-password").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("code"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("not right or no longer works")));
		}
		confirm(mvc, id, code, "a-long-password").andExpect(status().isBadRequest());
		assertThat(db.sql("SELECT count(*) FROM identity_account WHERE username = :id")
			.param("id", id.toLowerCase())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aNewRequestReplacesTheLiveCode() throws Exception {
		Resident resident = residents.aged(39).create();
		String name = resident.name();
		String id = resident.idNumber().value();
		requestCode(mvc, name, id).andExpect(status().isAccepted());
		String first = registrationCodes(mvc, id).get(0);
		String second = first;
		while (second.equals(first)) {
			requestCode(mvc, name, id).andExpect(status().isAccepted());
			second = registrationCodes(mvc, id).get(0);
		}
		assertThat(db.sql("SELECT count(*) FROM identity_one_time_code WHERE subject = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		confirm(mvc, id, first, "a-long-password").andExpect(status().isBadRequest());
		confirm(mvc, id, second, "a-long-password").andExpect(status().isCreated());
	}

	@Test
	void anExpiredCodeIsRefused() throws Exception {
		Resident resident = residents.aged(32).create();
		String name = resident.name();
		String id = resident.idNumber().value();
		requestCode(mvc, name, id).andExpect(status().isAccepted());
		String code = registrationCodes(mvc, id).get(0);
		db.sql("UPDATE identity_one_time_code SET expires_at = now() - interval '1 second' WHERE subject = :id")
			.param("id", id)
			.update();
		confirm(mvc, id, code, "a-long-password").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		assertThat(registrationCodes(mvc, id)).isEmpty();
	}

	@Test
	void oneIdNumberGetsOnlySoManyCodesAnHourWhoeverAsks() throws Exception {
		// Counted before the registry is asked, so the limit says nothing about the
		// number: this one is nobody's.
		for (int i = 0; i < 5; i++) {
			int address = i;
			mvc.perform(post("/api/v1/citizens").with(r -> {
				r.setRemoteAddr("10.8.0." + address);
				return r;
			}).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"某人\",\"idNumber\":\"110101194901010018\"}"))
				.andExpect(status().isAccepted());
		}
		mvc.perform(post("/api/v1/citizens").with(r -> {
			r.setRemoteAddr("10.8.0.9");
			return r;
		})
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"某人\",\"idNumber\":\"110101194901010018\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("Too many codes")));
	}

	@Test
	void aPasswordTooLongForBCryptIsNamedAndTheCodeStillWorks() throws Exception {
		// A resident with a phone in the registry and no account. 25 Chinese characters
		// are 75 bytes.
		Resident resident = residents.aged(50).create();
		String name = resident.name();
		String id = resident.idNumber().value();
		requestCode(mvc, name, id).andExpect(status().isAccepted());
		String code = registrationCodes(mvc, id).get(0);
		confirm(mvc, id, code, "密".repeat(25)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("too long")));
		confirm(mvc, id, code, "密".repeat(24)).andExpect(status().isCreated());
	}

	@Test
	void everyFaultyFieldIsNamedAtOnce() throws Exception {
		mvc.perform(post("/api/v1/citizens").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"name\":\"\",\"idNumber\":\"110101199003071234\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "idNumber")))
			.andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].message")
				.value("The last character of this ID number does not match the others: check for a typing mistake"));
		confirm(mvc, "110101199003071234", "12", "short").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("idNumber", "code", "password")))
			.andExpect(jsonPath("$.errors[?(@.field == 'code')].message").value("The code is 6 digits"));
	}

	@Test
	void anImpossibleBirthDateIsNamed() throws Exception {
		requestCode(mvc, "陈晓明", "110101199002301233").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("not a real date")));
	}

	@Test
	void oneAddressGetsOnlySoManyTriesAnHour() throws Exception {
		for (int i = 0; i < 50; i++) {
			mvc.perform(post("/api/v1/citizens").with(r -> {
				r.setRemoteAddr("10.9.9.9");
				return r;
			}).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"idNumber\":\"11010519491231002X\"}"))
				.andExpect(status().isBadRequest());
		}
		mvc.perform(post("/api/v1/citizens").with(r -> {
			r.setRemoteAddr("10.9.9.9");
			return r;
		})
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"陈晓明\",\"idNumber\":\"110101199003071233\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.title").value("Too many attempts"));
		// Another address is not affected.
		requestCode(mvc, "李四", "110108199511209651").andExpect(status().isAccepted());
	}

	@Test
	void nothingIsWrittenWhenConfirmationFails() throws Exception {
		int before = db.sql("SELECT count(*) FROM identity_account").query(Integer.class).single();
		confirm(mvc, "110106198602203311", "123456", "a-long-password").andExpect(status().isBadRequest());
		confirm(mvc, "", "", "").andExpect(status().isBadRequest());
		assertThat(db.sql("SELECT count(*) FROM identity_account").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void theDemoCodesAreForAdministratorsOnly() throws Exception {
		mvc.perform(get("/api/v1/admin/demo/codes")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/admin/demo/codes").header("Authorization", "Bearer " + Tokens.of(mvc, "editor")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/demo/codes").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDemoCodesPageSaysItStandsInForTheSmsGateway() throws Exception {
		requestCode(mvc, "郑娜", "110102196505235421").andExpect(status().isAccepted());
		String code = registrationCodes(mvc, "110102196505235421").get(0);
		var admin = mvc
			.perform(post("/sign-in").with(org.onestop.Csrf.csrf())
				.param("username", "admin")
				.param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		mvc.perform(get("/admin/demo/codes").cookie(admin, new jakarta.servlet.http.Cookie("onestop_lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("stand-in for the SMS gateway")))
			.andExpect(content().string(containsString("153****6768")))
			.andExpect(content().string(containsString("110102********5421")))
			.andExpect(content().string(containsString(code)));
	}

}
