package org.onestop.identity.mandate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Outboxes;
import org.onestop.testdata.Residents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A mandate's grant and revocation reach both sides' phones, and the e-mail of one who
 * proved an address.
 */
@IntegrationTest
class MandateMessagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	@Test
	void grantAndRevocationAreTextedAndMailed() throws Exception {
		for (String what : new String[] { "granted", "revoked" }) {
			for (String side : new String[] { "grantor", "representative" }) {
				Outboxes.ensureKind(db, "mandate.inbox." + what + "." + side, "MANDATES");
			}
		}
		Citizen mother = accounts.register(residents.aged(80).create());
		Citizen son = accounts.register(residents.aged(50).create());
		Outboxes.proveEmail(db, son.username(), "son@example.org");
		String json = "{\"representativeIdNumber\":\"%s\",\"representativeName\":\"%s\",\"serviceCodes\":[],\"until\":\"%s\"}"
			.formatted(son.resident().idNumber().value(), son.resident().name(),
					LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusMonths(3));
		String id = JsonPath.read(
				mvc.perform(post("/api/v1/me/mandates").header("Authorization", mother.authorization())
					.contentType(MediaType.APPLICATION_JSON)
					.content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id");

		assertThat(
				Outboxes.rows(db, mother.username(), "mandate.inbox.granted.grantor", "SMS", mother.resident().phone()))
			.isEqualTo(1);
		assertThat(Outboxes.rows(db, son.username(), "mandate.inbox.granted.representative", "SMS",
				son.resident().phone()))
			.isEqualTo(1);
		assertThat(
				Outboxes.rows(db, son.username(), "mandate.inbox.granted.representative", "EMAIL", "son@example.org"))
			.isEqualTo(1);

		mvc.perform(delete("/api/v1/me/mandates/" + id).header("Authorization", mother.authorization()))
			.andExpect(status().isNoContent());
		assertThat(Outboxes.rows(db, son.username(), "mandate.inbox.revoked.representative", "SMS",
				son.resident().phone()))
			.isEqualTo(1);
		assertThat(
				Outboxes.rows(db, son.username(), "mandate.inbox.revoked.representative", "EMAIL", "son@example.org"))
			.isEqualTo(1);
	}

}
