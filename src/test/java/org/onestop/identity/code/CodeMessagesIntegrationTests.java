package org.onestop.identity.code;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.DemoTexts;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One-time codes go through the notification outbox as sensitive texts, for every
 * purpose, while the demo's codes page keeps showing them.
 */
@IntegrationTest
class CodeMessagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Test
	void aRegistrationCodeIsASensitiveTextInTheOutboxAndStillOnTheDemoPage() throws Exception {
		Resident resident = residents.aged(33).create();
		DemoTexts.requestCode(mvc, resident.name(), resident.idNumber().value()).andExpect(status().isAccepted());
		String code = db
			.sql("SELECT code FROM identity_demo_text_message WHERE purpose = 'REGISTRATION' AND subject = :id")
			.param("id", resident.idNumber().value())
			.query(String.class)
			.single();

		Map<String, Object> row = db.sql("""
				SELECT channel, sensitive, status, recipient, body, parameters->>'code' AS code,
				       parameters->>'minutes' AS minutes
				FROM notification_outbox WHERE address = :p AND template = 'identity.code.registration'""")
			.param("p", resident.phone())
			.query()
			.singleRow();
		assertThat(row).containsEntry("channel", "SMS")
			.containsEntry("sensitive", true)
			.containsEntry("status", "CREATED")
			.containsEntry("code", code)
			.containsEntry("minutes", "10");
		// Filed under the ID number that will be the new account's username, so that
		// staff
		// find the text when the person asks.
		assertThat(row.get("recipient")).isEqualTo(resident.idNumber().value().toLowerCase(java.util.Locale.ROOT));
		assertThat((String) row.get("body")).contains(code).contains("10分钟");

		mvc.perform(get("/api/v1/admin/demo/codes").header("Authorization", "Bearer " + Tokens.of(mvc, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)));
	}

	@Test
	void everyPurposeHasAnExemptCodesKindWithTextsInBothLanguages() {
		for (CodePurpose purpose : CodePurpose.values()) {
			String template = OutboxCodeSender.template(purpose);
			assertThat(db.sql("SELECT topic || '/' || quiet_hours_exempt FROM notification_kind WHERE template = :t")
				.param("t", template)
				.query(String.class)
				.single()).as(template).isEqualTo("CODES/true");
			assertThat(db.sql("SELECT count(*) FROM notification_template WHERE template = :t AND channel = 'SMS'")
				.param("t", template)
				.query(Integer.class)
				.single()).as(template).isEqualTo(2);
		}
	}

}
