package org.onestop.identity.mandate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mandate API's contract: grant, list given and received, revoke at once; and every
 * grant the rules refuse, with the field named.
 */
@IntegrationTest
class MandateApiIntegrationTests {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

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
	void aGrantorGrantsSeesBothSidesAndRevokesAtOnce() throws Exception {
		Citizen mother = accounts.register(residents.aged(79).create());
		Citizen daughter = accounts.register(residents.aged(48).create());

		String body = grant(mother, daughter.resident().idNumber().value(), daughter.resident().name(), "[]",
				today().plusMonths(6))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.allMatters").value(true))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.how").value("ONLINE"))
			.andExpect(jsonPath("$.representativeName").value(daughter.resident().name()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");

		mvc.perform(get("/api/v1/me/mandates").header("Authorization", mother.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.given[0].id").value(id))
			.andExpect(jsonPath("$.received").isEmpty());
		mvc.perform(get("/api/v1/me/mandates").header("Authorization", daughter.authorization()))
			.andExpect(jsonPath("$.received[0].id").value(id))
			.andExpect(jsonPath("$.received[0].grantorName").value(mother.resident().name()))
			.andExpect(jsonPath("$.actingFor[0].name").value(mother.resident().name()))
			.andExpect(jsonPath("$.actingFor[0].kind").value("MANDATE"));
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", daughter.authorization()))
			.andExpect(jsonPath("$.items[*].kind", hasItem("MANDATE_GRANTED")));

		mvc.perform(get("/api/v1/me").header("Authorization", daughter.authorization())
			.header(OnBehalfFilter.HEADER, mother.resident().idNumber().value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(mother.username()))
			.andExpect(jsonPath("$.displayName").value(mother.resident().name()));

		mvc.perform(delete("/api/v1/me/mandates/" + id).header("Authorization", daughter.authorization()))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/me/mandates/" + id).header("Authorization", mother.authorization()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", daughter.authorization())
			.header(OnBehalfFilter.HEADER, mother.resident().idNumber().value()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").exists());
		mvc.perform(get("/api/v1/me/mandates").header("Authorization", mother.authorization()))
			.andExpect(jsonPath("$.given[0].status").value("REVOKED"));
		assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE action = 'identity.mandate.revoked' AND subject = :s")
			.param("s", "resident:" + mother.resident().idNumber().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherCitizensMandateIdAndNonsenseAreNotFound() throws Exception {
		Citizen grantor = accounts.register(residents.aged(60).create());
		Citizen stranger = accounts.register(residents.aged(30).create());
		String id = JsonPath
			.read(grant(grantor, residents.aged(35).create().idNumber().value(), null, "[]", today().plusDays(10))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		mvc.perform(delete("/api/v1/me/mandates/" + id).header("Authorization", stranger.authorization()))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/me/mandates/not-a-uuid").header("Authorization", stranger.authorization()))
			.andExpect(status().isNotFound());
	}

	@Test
	void grantsTheRulesRefuseNameTheField() throws Exception {
		Citizen grantor = accounts.register(residents.aged(66).create());
		String representative = residents.aged(40).create().idNumber().value();
		String nobody = ResidentIdNumber.complete(Residents.REGION + "19000101" + "999").value();

		grant(grantor, nobody, null, "[]", today().plusDays(30)).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("representativeIdNumber"));
		grant(grantor, "12345", null, "[]", today().plusDays(30)).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("representativeIdNumber"));
		grant(grantor, grantor.resident().idNumber().value(), null, "[]", today().plusDays(30))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("representativeIdNumber"));
		grant(grantor, representative, "某某某", "[]", today().plusDays(30)).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("representativeName"));
		grant(grantor, representative, null, "[]", today()).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		grant(grantor, representative, null, "[]", today().minusDays(3)).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		grant(grantor, representative, null, "[]", today().plusYears(1).plusDays(1))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		grant(grantor, representative, null, "[\"CA-ELD-001\",\"NO-SUCH-1\"]", today().plusDays(30))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("serviceCodes"));
		assertThat(db.sql("SELECT count(*) FROM identity_mandate WHERE grantor_id_number = :id")
			.param("id", grantor.resident().idNumber().value())
			.query(Integer.class)
			.single()).isZero();

		grant(grantor, representative, null, "[\"CA-ELD-001\"]", today().plusYears(1)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.allMatters").value(false))
			.andExpect(jsonPath("$.matters[0].code").value("CA-ELD-001"));
	}

	@Test
	void tooManyGrantsTheRegistryRefusesAreLimitedPerGrantor() throws Exception {
		Citizen prober = accounts.register(residents.aged(45).create());
		Citizen other = accounts.register(residents.aged(46).create());
		var representative = residents.aged(40).create();
		String nobody = ResidentIdNumber.complete(Residents.REGION + "19000101" + "998").value();

		for (int i = 0; i < MandateRefusals.MAX_REFUSED / 2; i++) {
			grant(prober, nobody, null, "[]", today().plusDays(30)).andExpect(status().isUnprocessableEntity());
			grant(prober, representative.idNumber().value(), "某某某" + i, "[]", today().plusDays(30))
				.andExpect(status().isUnprocessableEntity());
		}
		// Now even a right guess is not answered: the registry is not asked.
		grant(prober, representative.idNumber().value(), representative.name(), "[]", today().plusDays(30))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.errors").doesNotExist());
		grant(prober, nobody, null, "[]", today().plusDays(30)).andExpect(status().isTooManyRequests());
		assertThat(db.sql("SELECT count(*) FROM identity_mandate WHERE grantor_id_number = :id")
			.param("id", prober.resident().idNumber().value())
			.query(Integer.class)
			.single()).isZero();

		// Another grantor is not held back.
		grant(other, representative.idNumber().value(), representative.name(), "[]", today().plusDays(30))
			.andExpect(status().isCreated());
	}

	private ResultActions grant(Citizen grantor, String representative, String name, String codes, LocalDate until)
			throws Exception {
		String json = "{\"representativeIdNumber\":\"%s\",%s\"serviceCodes\":%s,\"until\":\"%s\"}"
			.formatted(representative, name == null ? "" : "\"representativeName\":\"" + name + "\",", codes, until);
		return mvc.perform(post("/api/v1/me/mandates").header("Authorization", grantor.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CITY);
	}

}
