package org.onestop.evaluation.cause;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.IntegrationTest;
import org.onestop.evaluation.RatingRows;
import org.onestop.evaluation.SubjectType;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The causes of a department's bad ratings ranked per matter, on ratings written in
 * January 2020 (a month nobody else writes): shares of the matter's bad ratings, waits
 * only over 30 minutes, trips only over the promise, the ticked reasons, nothing from
 * good, excluded or other departments' ratings, and a matter with fewer than 5 marked too
 * few to rank. Then who may read them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CausesIntegrationTests {

	static final String JANUARY = "from=2020-01-01&to=2020-01-31";

	static final String RULE = "precheck-CA-ELD-001:NOT_ELIGIBLE_AGE";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@BeforeAll
	void badRatingsOfJanuary() {
		RatingRows rows = new RatingRows(db);
		Instant at = Instant.parse("2020-01-10T02:00:00Z");
		UUID[] eld = new UUID[5];
		int[] levels = { 1, 2, 1, 2, 1 };
		for (int i = 0; i < eld.length; i++) {
			eld[i] = rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", levels[i], at, false,
					i == 0 ? new String[] { "DOCUMENTS_ALREADY_HELD" } : new String[0]);
			rows.cause(eld[i], "MATTER", "CA-ELD-001", "{\"version\":1}");
		}
		String label = "{\"label\":\"You are not 70 yet\",\"matter\":\"CA-ELD-001\"}";
		rows.cause(eld[0], "RULE", RULE, label);
		rows.cause(eld[1], "RULE", RULE, label);
		for (int i = 0; i < 3; i++) {
			rows.cause(eld[i], "WAIT", "HALL-EAST", "{\"minutes\":45}");
		}
		rows.cause(eld[3], "WAIT", "HALL-WEST", "{\"minutes\":10}");
		rows.cause(eld[3], "TRIPS", "over-max", "{\"trips\":3,\"max\":1}");
		rows.cause(eld[4], "TRIPS", "count", "{\"trips\":1,\"max\":1}");
		// Not bad, excluded, another department's, another month's: none counts.
		rows.cause(rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 3, at, false), "RULE", RULE,
				label);
		rows.cause(rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 1, at, true), "RULE", RULE,
				label);
		rows.cause(rows.rating(SubjectType.APPLICATION, "PS", "PS-ID-001", null, "WEB", 1, at, false), "SUPPLEMENT",
				"照片", "{}");
		rows.cause(rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 1,
				Instant.parse("2020-02-10T02:00:00Z"), false), "RULE", RULE, label);
		UUID mar = rows.rating(SubjectType.APPLICATION, "CA", "CA-MAR-001", null, "COUNTER", 2, at, false);
		rows.cause(mar, "SUPPLEMENT", "户口簿", "{}");
		rows.rating(SubjectType.APPLICATION, "CA", "CA-MAR-001", null, "COUNTER", 1, at, false);
	}

	private String causes(String username, String query) throws Exception {
		return mvc
			.perform(
					get("/api/v1/ratings/causes?" + query).header("Authorization", "Bearer " + Tokens.of(mvc, username))
						.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void causesAreRankedByTheShareOfTheMattersBadRatings() throws Exception {
		String body = causes("admin", "department=CA&" + JANUARY);
		assertThat((Integer) JsonPath.read(body, "$.badRatings")).isEqualTo(7);
		assertThat((List<String>) JsonPath.read(body, "$.matters[*].serviceCode")).containsExactly("CA-ELD-001",
				"CA-MAR-001");
		assertThat((Boolean) JsonPath.read(body, "$.matters[0].tooFew")).isFalse();
		assertThat((Integer) JsonPath.read(body, "$.matters[0].badRatings")).isEqualTo(5);
		List<String> kinds = JsonPath.read(body, "$.matters[0].causes[*].kind");
		List<String> keys = JsonPath.read(body, "$.matters[0].causes[*].key");
		List<Double> shares = JsonPath.read(body, "$.matters[0].causes[*].share");
		assertThat(kinds).containsExactly("WAIT", "RULE", "REASON", "TRIPS");
		assertThat(keys).containsExactly("HALL-EAST", RULE, "DOCUMENTS_ALREADY_HELD", "over-max");
		assertThat(shares).containsExactly(0.6, 0.4, 0.2, 0.2);
		assertThat((String) JsonPath.read(body, "$.matters[0].causes[0].label")).contains("over 30 minutes")
			.doesNotContain("HALL-EAST");
		assertThat((String) JsonPath.read(body, "$.matters[0].causes[0].link")).isEqualTo("/halls/HALL-EAST");
		assertThat((String) JsonPath.read(body, "$.matters[0].causes[1].label")).contains("You are not 70 yet")
			.doesNotContain("NOT_ELIGIBLE_AGE");
		assertThat((String) JsonPath.read(body, "$.matters[0].causes[1].reference")).isEqualTo(RULE);
		assertThat((String) JsonPath.read(body, "$.matters[0].causes[1].link")).isEqualTo("/services/CA-ELD-001");
		assertThat((String) JsonPath.read(body, "$.matters[0].causes[2].label"))
			.contains("documents the government already holds");
		assertThat((String) JsonPath.read(body, "$.matters[0].link")).isEqualTo("/services/CA-ELD-001");
		// Two bad ratings: shown with their share, marked too few to rank.
		assertThat((Boolean) JsonPath.read(body, "$.matters[1].tooFew")).isTrue();
		assertThat((List<Double>) JsonPath.read(body, "$.matters[1].causes[*].share")).containsExactly(0.5);
		assertThat((String) JsonPath.read(body, "$.matters[1].causes[0].label")).contains("户口簿");
	}

	@Test
	void aHeadReadsTheirOwnDepartmentOnlyAndOthersReadOnly() throws Exception {
		String own = causes("head.civil", JANUARY);
		assertThat((String) JsonPath.read(own, "$.department")).isEqualTo("CA");
		assertThat((Integer) JsonPath.read(own, "$.badRatings")).isEqualTo(7);
		assertThat((String) JsonPath.read(causes("auditor", "department=CA&" + JANUARY), "$.department"))
			.isEqualTo("CA");
		// Another department's head: refused, whatever they ask for.
		mvc.perform(get("/api/v1/ratings/causes?department=CA&" + JANUARY)
			.header("Authorization", "Bearer " + Tokens.of(mvc, "head.hotline"))
			.header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").exists());
		assertThat((String) JsonPath.read(causes("head.hotline", JANUARY), "$.department")).isEqualTo("GS");
		for (String other : List.of("zhao.lei", "reviewer.civil", "clerk.civil")) {
			mvc.perform(get("/api/v1/ratings/causes?department=CA").header("Authorization",
					"Bearer " + Tokens.of(mvc, other)))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/ratings/causes")).andExpect(status().isUnauthorized());
	}

	@Test
	void aPeriodIsCheckedBesideItsField() throws Exception {
		mvc.perform(get("/api/v1/ratings/causes?from=2020-02-01&to=2020-01-01")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "head.civil"))
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/v1/ratings/causes?months=99")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "head.civil"))
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("months"));
		mvc.perform(get("/api/v1/ratings/causes?department=NOPE")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("department"));
	}

}
