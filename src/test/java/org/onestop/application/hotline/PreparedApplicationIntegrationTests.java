package org.onestop.application.hotline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An agent prepares an application from a call; nothing is submitted until the citizen
 * confirms it, online or at a counter, and then exactly once, through the HOTLINE channel
 * in the agent's name.
 */
@IntegrationTest
class PreparedApplicationIntegrationTests {

	private static final String ELDERLY_ALLOWANCE = "CA-ELD-001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Test
	void aPreparedApplicationWaitsForTheCitizenAndSubmitsNothing() throws Exception {
		Citizen citizen = accounts.elder();
		String key = UUID.randomUUID().toString();
		String body = prepare(citizen.resident(), key).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.preparedBy").value("agent.hotline"))
			.andExpect(jsonPath("$.applicantName").value(citizen.resident().name()))
			.andExpect(jsonPath("$.fields[?(@.name == 'name')].prefilled").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		assertThat(applicationsOf(citizen.resident())).isZero();
		// The same key again is the same prepared application.
		prepare(citizen.resident(), key).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(id));
		// The same key for another caller is a mistake, not a replay of someone else's.
		prepare(accounts.elder().resident(), key).andExpect(status().isUnprocessableEntity());
		// The citizen's inbox holds the one link; "who used my data" names the agent.
		assertThat(db.sql("SELECT link FROM notification WHERE recipient = :u AND kind = 'APPLICATION_PREPARED'")
			.param("u", citizen.username())
			.query(String.class)
			.list()).containsExactly("/applications/prepared/" + id);
		assertThat(
				db.sql("SELECT DISTINCT accessor FROM registry_access WHERE id_number = :id AND purpose LIKE '%12345%'")
					.param("id", citizen.resident().idNumber().value())
					.query(String.class)
					.list())
			.containsExactly("agent.hotline");
		mvc.perform(get("/api/v1/me/prepared-applications").header("Authorization", citizen.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].status").value("PENDING"))
			.andExpect(jsonPath("$[0].preparedByName").value("林婷"));
	}

	@Test
	void confirmingSubmitsItThroughTheHotlineInTheAgentsName() throws Exception {
		Citizen citizen = accounts.elder();
		String id = preparedFor(citizen.resident());
		mvc.perform(post("/api/v1/me/prepared-applications/" + id + "/confirm")
			.header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":{\"bankAccount\":\"6222020200112233\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.confirmedAtCounter").value(false))
			.andExpect(jsonPath("$.applicationId").isNotEmpty());
		var row = db.sql("""
				SELECT channel, filed_by, filed_by_name, status, fields->>'bankAccount' AS bank FROM application
				WHERE applicant_id_number = :id""")
			.param("id", citizen.resident().idNumber().value())
			.query()
			.singleRow();
		assertThat(row).containsEntry("channel", "HOTLINE")
			.containsEntry("filed_by", "agent.hotline")
			.containsEntry("filed_by_name", "林婷")
			.containsEntry("bank", "6222020200112233");
		assertThat(row.get("status")).isNotEqualTo("DRAFT");
		mvc.perform(get("/api/v1/applications").header("Authorization", citizen.authorization()))
			.andExpect(jsonPath("$[0].channel").value("HOTLINE"));
	}

	@Test
	void confirmingTwiceAtOnceMakesOneApplication() throws Exception {
		Citizen citizen = accounts.elder();
		String id = preparedFor(citizen.resident());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<String>> confirmations = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				confirmations.add(() -> mvc
					.perform(post("/api/v1/me/prepared-applications/" + id + "/confirm").header("Authorization",
							citizen.authorization()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
			}
			Set<String> applications = new HashSet<>();
			for (Future<String> answer : pool.invokeAll(confirmations)) {
				applications.add(JsonPath.read(answer.get(), "$.applicationId"));
			}
			assertThat(applications).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(applicationsOf(citizen.resident())).isEqualTo(1);
	}

	@Test
	void aDeclinedOneCanNoLongerBeConfirmed() throws Exception {
		Citizen citizen = accounts.elder();
		String id = preparedFor(citizen.resident());
		mvc.perform(post("/api/v1/me/prepared-applications/" + id + "/decline").header("Authorization",
				citizen.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"));
		mvc.perform(post("/api/v1/me/prepared-applications/" + id + "/confirm")
			.header("Authorization", citizen.authorization())
			.header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("declined")));
		assertThat(applicationsOf(citizen.resident())).isZero();
	}

	@Test
	void afterThirtyDaysItHasExpired() throws Exception {
		Citizen citizen = accounts.elder();
		String body = prepare(citizen.resident(), UUID.randomUUID().toString()).andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		assertThat(java.time.Duration.between(java.time.Instant.parse(JsonPath.read(body, "$.createdAt")),
				java.time.Instant.parse(JsonPath.read(body, "$.expiresAt"))))
			.isEqualTo(java.time.Duration.ofDays(30));
		// Thirty days on, as far as the row knows.
		db.sql("UPDATE application_prepared SET created_at = created_at - interval '31 days', "
				+ "expires_at = expires_at - interval '31 days' WHERE id = :id")
			.param("id", UUID.fromString(id))
			.update();
		mvc.perform(post("/api/v1/me/prepared-applications/" + id + "/confirm").header("Authorization",
				citizen.authorization()))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/me/prepared-applications").header("Authorization", citizen.authorization()))
			.andExpect(jsonPath("$[0].status").value("EXPIRED"));
		assertThat(db.sql("SELECT status FROM application_prepared WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("EXPIRED");
		assertThat(applicationsOf(citizen.resident())).isZero();
	}

	@Test
	void anotherCitizensPreparedApplicationIsNotFound() throws Exception {
		Citizen owner = accounts.elder();
		Citizen other = accounts.elder();
		String id = preparedFor(owner.resident());
		mvc.perform(get("/api/v1/me/prepared-applications/" + id).header("Authorization", other.authorization()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/me/prepared-applications/" + id + "/confirm").header("Authorization",
				other.authorization()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/me/prepared-applications/" + id + "/decline").header("Authorization",
				other.authorization()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/me/prepared-applications").header("Authorization", other.authorization()))
			.andExpect(jsonPath("$.length()").value(0));
		assertThat(applicationsOf(owner.resident())).isZero();
	}

	@Test
	void onlyAgentsPrepareAndOnlyForResidentsOfTheRegistry() throws Exception {
		Citizen citizen = accounts.elder();
		for (String notAnAgent : List.of("clerk.civil", "li.na")) {
			mvc.perform(
					post("/api/v1/hotline/applications").header("Authorization", "Bearer " + Tokens.of(mvc, notAnAgent))
						.header("Idempotency-Key", UUID.randomUUID().toString())
						.contentType(MediaType.APPLICATION_JSON)
						.content(request(citizen.resident().idNumber().value())))
				.andExpect(status().isForbidden());
		}
		String unknown = residents.aged(40).create().idNumber().value();
		db.sql("DELETE FROM registry_resident WHERE id_number = :id").param("id", unknown).update();
		mvc.perform(post("/api/v1/hotline/applications").header("Authorization", agent())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(request(unknown)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"));
		assertThat(db.sql("SELECT count(*) FROM application_prepared WHERE applicant_id_number = :id")
			.param("id", unknown)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aResidentWithoutAnAccountConfirmsAtTheCounterAndFindsItOnceRegistered() throws Exception {
		Resident resident = residents.elder();
		String id = preparedFor(resident);
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.civil");
		mvc.perform(get("/api/v1/counter/prepared-applications").param("idNumber", resident.idNumber().value())
			.header("Authorization", clerk)).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
		mvc.perform(post("/api/v1/counter/prepared-applications/" + id + "/confirm").header("Authorization", clerk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"idNumber\":\"" + resident.idNumber().value() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.containsInAnyOrder("identityChecked", "consent")));
		assertThat(applicationsOf(resident)).isZero();
		mvc.perform(post("/api/v1/counter/prepared-applications/" + id + "/confirm")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "agent.hotline"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(counterConfirmation(resident))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/counter/prepared-applications/" + id + "/confirm").header("Authorization", clerk)
			.contentType(MediaType.APPLICATION_JSON)
			.content(counterConfirmation(resident)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.confirmedAtCounter").value(true));
		assertThat(db.sql("SELECT confirmed_by FROM application_prepared WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("clerk.civil");
		var row = db.sql("SELECT applicant, channel, filed_by FROM application WHERE applicant_id_number = :id")
			.param("id", resident.idNumber().value())
			.query()
			.singleRow();
		assertThat(row).containsEntry("applicant", resident.username())
			.containsEntry("channel", "HOTLINE")
			.containsEntry("filed_by", "agent.hotline");
		Citizen registered = accounts.register(resident);
		mvc.perform(get("/api/v1/applications").header("Authorization", registered.authorization()))
			.andExpect(jsonPath("$[0].channel").value("HOTLINE"));
	}

	@Test
	void atTheCounterOnlyAClerkOfTheMattersDepartmentOrOfAHallServingItListsAndConfirms() throws Exception {
		Resident resident = residents.elder();
		String id = preparedFor(resident);
		String outsider = psClerk();
		String token = "Bearer " + Tokens.of(mvc, outsider, "clerk-password-1");
		mvc.perform(get("/api/v1/counter/prepared-applications").param("idNumber", resident.idNumber().value())
			.header("Authorization", token)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(post("/api/v1/counter/prepared-applications/" + id + "/confirm").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(counterConfirmation(resident))).andExpect(status().isForbidden());
		assertThat(applicationsOf(resident)).isZero();
		assertThat(readsBy(outsider, resident)).as("nothing shown, nothing read").isZero();

		// The same clerk, once working at a hall that serves the matter.
		db.sql("INSERT INTO appointment_hall_staff (hall, username) VALUES ('HALL-EAST', :u)")
			.param("u", outsider)
			.update();
		mvc.perform(get("/api/v1/counter/prepared-applications").param("idNumber", resident.idNumber().value())
			.header("Authorization", token)).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
		int listed = readsBy(outsider, resident);
		assertThat(listed).as("showing the prepared application is in the resident's data-access log").isPositive();
		mvc.perform(post("/api/v1/counter/prepared-applications/" + id + "/confirm").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(counterConfirmation(resident)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
		assertThat(readsBy(outsider, resident)).as("the submission reads the registries in the clerk's name")
			.isGreaterThan(listed);
	}

	private int readsBy(String clerk, Resident resident) {
		return db.sql("""
				SELECT count(*) FROM registry_access
				WHERE id_number = :id AND accessor = :clerk AND accessor_kind = 'OFFICIAL' AND department = 'PS'""")
			.param("id", resident.idNumber().value())
			.param("clerk", clerk)
			.query(Integer.class)
			.single();
	}

	/** A Public Security clerk, made by the administrator, who works at no hall. */
	private String psClerk() throws Exception {
		String username = "clerk.ps." + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"测试窗口","department":"PS","roles":["CLERK"],
					 "password":"clerk-password-1"}""".formatted(username))).andExpect(status().isCreated());
		return username;
	}

	private String counterConfirmation(Resident resident) {
		return "{\"idNumber\":\"" + resident.idNumber().value() + "\",\"identityChecked\":true,\"consent\":true}";
	}

	private String preparedFor(Resident resident) throws Exception {
		String body = prepare(resident, UUID.randomUUID().toString()).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private org.springframework.test.web.servlet.ResultActions prepare(Resident resident, String key) throws Exception {
		return mvc.perform(post("/api/v1/hotline/applications").header("Authorization", agent())
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(request(resident.idNumber().value())));
	}

	private static String request(String idNumber) {
		return "{\"idNumber\":\"" + idNumber + "\",\"serviceCode\":\"" + ELDERLY_ALLOWANCE + "\",\"fields\":{}}";
	}

	private String agent() throws Exception {
		return "Bearer " + Tokens.of(mvc, "agent.hotline");
	}

	private int applicationsOf(Resident resident) {
		return db.sql("SELECT count(*) FROM application WHERE applicant_id_number = :id")
			.param("id", resident.idNumber().value())
			.query(Integer.class)
			.single();
	}

}
