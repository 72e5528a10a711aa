package org.onestop.identity.mandate;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Acting for someone: what a mandate or a guardian's right lets through, and every case
 * the server refuses (403), on the API and on pages.
 */
@IntegrationTest
class ActingIntegrationTests {

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
	void withoutAMandateNobodyActsForAnother() throws Exception {
		Citizen one = accounts.register(residents.aged(50).create());
		Citizen other = accounts.register(residents.aged(52).create());
		mvc.perform(asFor(get("/api/v1/me"), one, other.resident())).andExpect(status().isForbidden());
		mvc.perform(asFor(get("/api/v1/applications"), one, other.resident())).andExpect(status().isForbidden());
		mvc.perform(asFor(get("/api/v1/me"), one, one.resident())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me").header("Authorization", one.authorization())
			.header(OnBehalfFilter.HEADER, "not-an-id-number")).andExpect(status().isForbidden());
	}

	@Test
	void anExpiredMandateIsRefused() throws Exception {
		Citizen grantor = accounts.register(residents.aged(70).create());
		Citizen representative = accounts.register(residents.aged(45).create());
		String id = grant(grantor, representative, "[]");
		mvc.perform(asFor(get("/api/v1/me"), representative, grantor.resident())).andExpect(status().isOk());
		db.sql("UPDATE identity_mandate SET until = :day WHERE id = :id::uuid")
			.param("day", Date.valueOf(today().minusDays(1)))
			.param("id", id)
			.update();
		mvc.perform(asFor(get("/api/v1/me"), representative, grantor.resident())).andExpect(status().isForbidden());
	}

	@Test
	void whatAMandateDoesNotAllowIsRefusedByTheServer() throws Exception {
		Citizen grantor = accounts.register(residents.aged(81).create());
		Citizen representative = accounts.register(residents.aged(50).create());
		String id = grant(grantor, representative, "[\"CA-ELD-001\"]");
		Resident third = residents.aged(33).create();

		mvc.perform(asFor(get("/api/v1/services/CA-ELD-001/form"), representative, grantor.resident()))
			.andExpect(status().isOk());
		mvc.perform(asFor(get("/api/v1/services/HR-SSC-001/form"), representative, grantor.resident()))
			.andExpect(status().isForbidden());
		mvc.perform(asFor(post("/api/v1/me/mandates"), representative, grantor.resident())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"representativeIdNumber\":\"%s\",\"serviceCodes\":[],\"until\":\"%s\"}"
				.formatted(third.idNumber().value(), today().plusDays(5))))
			.andExpect(status().isForbidden());
		mvc.perform(asFor(get("/api/v1/me/mandates"), representative, grantor.resident()))
			.andExpect(status().isForbidden());
		mvc.perform(asFor(delete("/api/v1/me/mandates/" + id), representative, grantor.resident()))
			.andExpect(status().isForbidden());
		mvc.perform(asFor(put("/api/v1/me/password"), representative, grantor.resident())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"x\",\"password\":\"a-new-secret-9\"}")).andExpect(status().isForbidden());
		mvc.perform(asFor(post("/api/v1/me/phone"), representative, grantor.resident())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"x\",\"phone\":\"13900000000\"}")).andExpect(status().isForbidden());
		mvc.perform(asFor(post("/api/v1/me/sign-out-everywhere"), representative, grantor.resident()))
			.andExpect(status().isForbidden());
		mvc.perform(asFor(get("/api/v1/me/data-access"), representative, grantor.resident()))
			.andExpect(status().isForbidden());
		mvc.perform(asFor(get("/api/v1/staff/tasks"), representative, grantor.resident()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me/mandates").header("Authorization", grantor.authorization()))
			.andExpect(jsonPath("$.given[0].status").value("ACTIVE"));
	}

	@Test
	void staffSendingTheHeaderAreRefused() throws Exception {
		Citizen citizen = accounts.register(residents.aged(64).create());
		String clerk = Tokens.of(mvc, "clerk.civil");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + clerk)
			.header(OnBehalfFilter.HEADER, citizen.resident().idNumber().value())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + clerk)).andExpect(status().isOk());
	}

	@Test
	void aParentActsForTheirChildUnder16InTheSameHouseholdWithoutAnAccount() throws Exception {
		Citizen parent = accounts.register(residents.aged(40).create());
		Resident child = residents.aged(9).withoutPhone().create();
		sameHousehold(parent.resident(), child);

		mvc.perform(asFor(get("/api/v1/me"), parent, child))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(child.username()))
			.andExpect(jsonPath("$.displayName").value(child.name()))
			.andExpect(jsonPath("$.idNumber").value(child.idNumber().value()));
		mvc.perform(get("/api/v1/me/mandates").header("Authorization", parent.authorization()))
			.andExpect(jsonPath("$.actingFor[0].kind").value("GUARDIAN"))
			.andExpect(jsonPath("$.actingFor[0].name").value(child.name()));
	}

	@Test
	void guardianRightsEndWhereTheHouseholdRegistrySaysSo() throws Exception {
		Citizen parent = accounts.register(residents.aged(42).create());
		Resident elsewhere = residents.aged(8).withoutPhone().create();
		mvc.perform(asFor(get("/api/v1/me"), parent, elsewhere)).andExpect(status().isForbidden());

		Resident sixteen = residents.aged(16).withoutPhone().create();
		Resident grandmother = residents.aged(70).withoutPhone().create();
		sameHousehold(parent.resident(), sixteen);
		sameHousehold(parent.resident(), grandmother);
		mvc.perform(asFor(get("/api/v1/me"), parent, sixteen)).andExpect(status().isForbidden());
		mvc.perform(asFor(get("/api/v1/me"), parent, grandmother)).andExpect(status().isForbidden());

		Resident child = residents.aged(12).withoutPhone().create();
		sameHousehold(parent.resident(), child);
		born(child, today().minusYears(16).plusDays(1));
		mvc.perform(asFor(get("/api/v1/me"), parent, child)).andExpect(status().isOk());
		// On the 16th birthday the right has ended.
		born(child, today().minusYears(16));
		mvc.perform(asFor(get("/api/v1/me"), parent, child))

			.andExpect(status().isForbidden());

		Citizen teenager = accounts.register(residents.aged(17).create());
		Resident sibling = residents.aged(6).withoutPhone().create();
		sameHousehold(teenager.resident(), sibling);
		mvc.perform(asFor(get("/api/v1/me"), teenager, sibling)).andExpect(status().isForbidden());
	}

	@Test
	void onPagesActingIsASessionChoiceCheckedOnEveryRequest() throws Exception {
		Citizen grantor = accounts.register(residents.aged(77).create());
		Citizen representative = accounts.register(residents.aged(47).create());
		String id = grant(grantor, representative, "[]");
		Cookie session = signIn(representative);

		mvc.perform(get("/account/mandates").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"act-for-button\"")));
		mvc.perform(post("/account/acting").with(csrf())
			.cookie(session)
			.param("idNumber", residents.aged(20).create().idNumber().value())).andExpect(status().isForbidden());
		mvc.perform(post("/account/acting").with(csrf())
			.cookie(session)
			.param("idNumber", grantor.resident().idNumber().value())).andExpect(redirectedUrl("/applications"));
		mvc.perform(get("/applications").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"acting-banner\"")))
			.andExpect(content().string(containsString(grantor.resident().name())));
		mvc.perform(get("/account").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/account/mandates").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(post("/account/password").with(csrf()).cookie(session)).andExpect(status().isForbidden());
		// A public page anyone may open stays open while acting.
		mvc.perform(get("/complaints/figures").cookie(session)).andExpect(status().isOk());

		mvc.perform(post("/account/acting/stop").with(csrf()).cookie(session))
			.andExpect(redirectedUrl("/account/mandates"));
		mvc.perform(get("/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-testid=\"acting-banner\""))));

		mvc.perform(post("/account/acting").with(csrf())
			.cookie(session)
			.param("idNumber", grantor.resident().idNumber().value())).andExpect(redirectedUrl("/applications"));
		mvc.perform(delete("/api/v1/me/mandates/" + id).header("Authorization", grantor.authorization()))
			.andExpect(status().isNoContent());
		// Refused on the very next request, then the choice is gone.
		mvc.perform(get("/applications").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/applications").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-testid=\"acting-banner\""))));
	}

	private String grant(Citizen grantor, Citizen representative, String codes) throws Exception {
		String body = mvc
			.perform(post("/api/v1/me/mandates").header("Authorization", grantor.authorization())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"representativeIdNumber\":\"%s\",\"serviceCodes\":%s,\"until\":\"%s\"}"
					.formatted(representative.resident().idNumber().value(), codes, today().plusMonths(3))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private Cookie signIn(Citizen citizen) throws Exception {
		return mvc
			.perform(post("/sign-in").with(csrf())
				.param("username", citizen.username())
				.param("password", citizen.password()))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
	}

	private static MockHttpServletRequestBuilder asFor(MockHttpServletRequestBuilder request, Citizen representative,
			Resident grantor) {
		return request.header("Authorization", representative.authorization())
			.header(OnBehalfFilter.HEADER, grantor.idNumber().value());
	}

	private void sameHousehold(Resident adult, Resident member) {
		db.sql("""
				UPDATE registry_resident SET household_number =
				    (SELECT household_number FROM registry_resident WHERE id_number = :adult)
				WHERE id_number = :member""")
			.param("adult", adult.idNumber().value())
			.param("member", member.idNumber().value())
			.update();
	}

	private void born(Resident resident, LocalDate day) {
		db.sql("UPDATE registry_resident SET birth_date = :day WHERE id_number = :id")
			.param("day", Date.valueOf(day))
			.param("id", resident.idNumber().value())
			.update();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CITY);
	}

}
