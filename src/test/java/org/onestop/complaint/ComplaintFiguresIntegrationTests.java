package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The three rates against the rows: complaints with known outcomes in two departments and
 * across a month boundary, the API's counts recomputed in Java over plain SELECTs
 * (another shape than the production query), and the edge cases one by one: a rate over
 * nothing, the latest verdict after a reopening, merged complaints, the city's month,
 * no-feedback closures, the live month.
 */
@IntegrationTest
class ComplaintFiguresIntegrationTests {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	static final String CATEGORY = "ENV-NOISE-NEIGHBOUR";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	TestClock clock;

	@BeforeEach
	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void everyCountReconcilesWithTheRows() throws Exception {
		// Two departments, the dispatch centre, both sides of the November/December
		// boundary in the city (16:00Z on the 30th is midnight in Shanghai).
		UUID ca1 = complaint("CA", utc("2026-11-10T02:00:00Z"), utc("2026-11-10T01:00:00Z"));
		UUID ca2 = complaint("CA", utc("2026-11-30T15:59:00Z"), utc("2026-12-01T01:00:00Z"));
		UUID ca3 = complaint("CA", utc("2026-11-30T16:00:00Z"), utc("2026-11-30T16:00:00Z"));
		UUID ps1 = complaint("PS", utc("2026-11-12T03:00:00Z"), null);
		UUID ps2 = complaint("PS", utc("2026-12-02T03:00:00Z"), utc("2026-12-02T02:00:00Z"));
		complaint(null, utc("2026-12-01T04:00:00Z"), null);
		UUID merged = complaint("PS", utc("2026-11-12T05:00:00Z"), null);
		db.sql("UPDATE complaint SET merged_into = :into, status = 'CLOSED', closure = 'MERGED', closed_at = :at "
				+ "WHERE id = :id")
			.param("into", ps1)
			.param("at", Timestamp.from(utc("2026-11-11T00:00:00Z")))
			.param("id", merged)
			.update();
		verdict(ca1, 0, false, 2, "CITIZEN", utc("2026-11-20T02:00:00Z"), "CA");
		verdict(ca1, 1, true, 5, "CITIZEN", utc("2026-11-25T02:00:00Z"), "CA");
		verdict(ca2, 0, true, 4, "FOLLOW_UP", utc("2026-11-30T17:00:00Z"), "CA");
		verdict(ca3, 0, true, null, "CITIZEN", utc("2026-12-02T17:00:00Z"), "CA");
		verdict(ps2, 0, false, 3, "CITIZEN", utc("2026-12-03T01:00:00Z"), "PS");
		verdict(merged, 0, true, 5, "CITIZEN", utc("2026-11-28T01:00:00Z"), "PS");
		noFeedback(complaint("PS", utc("2026-10-20T02:00:00Z"), utc("2026-10-20T01:00:00Z")),
				utc("2026-11-05T02:00:00Z"));
		returned(ps1, "CA", utc("2026-11-30T16:30:00Z"));
		returned(ps1, "PS", utc("2026-11-12T04:00:00Z"));

		for (String month : List.of("2026-10", "2026-11", "2026-12")) {
			List<Map<String, Object>> api = JsonPath.read(figures(month).getContentAsString(), "$");
			Map<String, long[]> expected = recount(YearMonth.parse(month), clock.instant());
			Map<String, long[]> actual = new TreeMap<>();
			for (Map<String, Object> row : api) {
				long[] counts = new long[FIELDS.length];
				for (int i = 0; i < FIELDS.length; i++) {
					counts[i] = ((Number) row.get(FIELDS[i])).longValue();
				}
				actual.put((String) row.get("department"), counts);
				assertThat(row.get("departmentName")).as("a name, not a code").isNotEqualTo(row.get("department"));
				assertRate(row, "responseRate", counts[1], counts[0]);
				assertRate(row, "resolutionRate", counts[3], counts[2]);
				assertRate(row, "satisfactionRate", counts[5], counts[4]);
			}
			assertThat(actual.keySet()).as(month).isEqualTo(expected.keySet());
			expected.forEach((department, counts) -> assertThat(actual.get(department))
				.as(month + " " + department + " " + List.of(FIELDS))
				.containsExactly(counts));
		}
	}

	@Test
	void theEdgeCasesCountAsDefined() throws Exception {
		Map<String, Map<String, Object>> novemberBefore = byDepartment(figures("2026-11"));
		Map<String, Map<String, Object>> decemberBefore = byDepartment(figures("2026-12"));

		// Response: in time (contact at the deadline itself), late, never contacted,
		// never
		// dispatched (the dispatch centre), merged (not counted).
		UUID inTime = complaint("UM", utc("2026-11-05T02:00:00Z"), utc("2026-11-05T02:00:00Z"));
		complaint("UM", utc("2026-11-06T02:00:00Z"), utc("2026-11-06T02:00:01Z"));
		complaint("UM", utc("2026-11-07T02:00:00Z"), null);
		complaint(null, utc("2026-11-07T03:00:00Z"), null);
		UUID merged = complaint("UM", utc("2026-11-08T02:00:00Z"), utc("2026-11-08T01:00:00Z"));
		db.sql("UPDATE complaint SET merged_into = :into WHERE id = :id")
			.param("into", inTime)
			.param("id", merged)
			.update();
		// Resolution and satisfaction: a reopened complaint judged twice in November
		// counts
		// by its last verdict; a follow-up call counts; a verdict without a rating has no
		// rating; 17:00Z on 30 November is 1 December in the city.
		verdict(inTime, 0, false, 1, "CITIZEN", utc("2026-11-09T02:00:00Z"), "UM");
		verdict(inTime, 1, true, 4, "CITIZEN", utc("2026-11-15T02:00:00Z"), "UM");
		UUID second = complaint("UM", utc("2026-11-10T02:00:00Z"), utc("2026-11-10T01:00:00Z"));
		verdict(second, 0, false, null, "FOLLOW_UP", utc("2026-11-16T02:00:00Z"), "UM");
		UUID third = complaint("UM", utc("2026-11-11T02:00:00Z"), utc("2026-11-11T01:00:00Z"));
		verdict(third, 0, true, 5, "CITIZEN", utc("2026-11-30T17:00:00Z"), "UM");
		// No feedback: counted apart, never a verdict.
		noFeedback(complaint("UM", utc("2026-11-12T02:00:00Z"), utc("2026-11-12T01:00:00Z")),
				utc("2026-11-20T02:00:00Z"));
		returned(second, "UM", utc("2026-11-10T03:00:00Z"));

		Map<String, Object> um = delta(novemberBefore, byDepartment(figures("2026-11")), "UM");
		assertThat(um).containsEntry("due", 6L)
			.containsEntry("respondedInTime", 4L)
			.containsEntry("withVerdict", 2L)
			.containsEntry("solved", 1L)
			.containsEntry("rated", 1L)
			.containsEntry("satisfied", 1L)
			.containsEntry("noFeedback", 1L)
			.containsEntry("returns", 1L);
		assertThat(delta(novemberBefore, byDepartment(figures("2026-11")), "DC")).containsEntry("due", 1L)
			.containsEntry("respondedInTime", 0L);
		Map<String, Object> umDecember = delta(decemberBefore, byDepartment(figures("2026-12")), "UM");
		assertThat(umDecember).containsEntry("due", 0L)
			.containsEntry("withVerdict", 1L)
			.containsEntry("solved", 1L)
			.containsEntry("satisfied", 1L);
	}

	@Test
	void aVerdictCountsInItsOwnMonthAndTheLatestOneInEachMonth() throws Exception {
		// October's "not solved" stays October's figure when November's verdict solves
		// it.
		UUID reopened = complaint("EE", utc("2022-10-03T02:00:00Z"), utc("2022-10-03T01:00:00Z"));
		verdict(reopened, 0, false, 2, "CITIZEN", utc("2022-10-20T02:00:00Z"), "EE");
		verdict(reopened, 1, true, 5, "CITIZEN", utc("2022-11-02T02:00:00Z"), "EE");
		Map<String, Object> october = byDepartment(figures("2022-10")).get("EE");
		assertThat(october).containsEntry("withVerdict", 1).containsEntry("solved", 0).containsEntry("satisfied", 0);
		assertThat(october.get("resolutionRate")).isEqualTo(0.0);
		assertThat(october.get("satisfactionRate")).isEqualTo(0.0);
		Map<String, Object> november = byDepartment(figures("2022-11")).get("EE");
		assertThat(november).containsEntry("due", 0).containsEntry("withVerdict", 1).containsEntry("solved", 1);
		assertThat(november.get("responseRate")).as("nothing due: no rate, not 0 % or 100 %").isNull();
		assertThat(november.get("resolutionRate")).isEqualTo(100.0);
	}

	@Test
	void aRateOverNothingIsNullAndAnEmptyMonthHasNoRows() throws Exception {
		UUID id = complaint("WA", utc("2021-01-20T02:00:00Z"), null);
		returned(id, "WA", utc("2021-02-03T02:00:00Z"));
		List<Map<String, Object>> february = JsonPath.read(figures("2021-02").getContentAsString(), "$");
		assertThat(february).hasSize(1);
		assertThat(february.get(0)).containsEntry("department", "WA")
			.containsEntry("due", 0)
			.containsEntry("returns", 1)
			.containsEntry("responseRate", null)
			.containsEntry("resolutionRate", null)
			.containsEntry("satisfactionRate", null);
		List<Map<String, Object>> january = JsonPath.read(figures("2021-01").getContentAsString(), "$");
		assertThat(january.get(0)).containsEntry("due", 1)
			.containsEntry("respondedInTime", 0)
			.containsEntry("responseRate", 0.0);
		assertThat(JsonPath.<List<Object>>read(figures("2020-03").getContentAsString(), "$")).isEmpty();
	}

	@Test
	void rowsAreInDepartmentNameOrderWithRatesToOneDecimal() throws Exception {
		// 2 of 3 in time: 66.7 %, not 66.6 or 0.6667.
		complaint("PS", utc("2023-03-03T02:00:00Z"), utc("2023-03-03T01:00:00Z"));
		complaint("PS", utc("2023-03-04T02:00:00Z"), utc("2023-03-04T01:00:00Z"));
		complaint("PS", utc("2023-03-05T02:00:00Z"), null);
		complaint("CA", utc("2023-03-05T02:00:00Z"), null);
		complaint(null, utc("2023-03-05T02:00:00Z"), null);
		MockHttpServletResponse response = mvc
			.perform(get("/api/v1/complaints/figures?month=2023-03").header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
		List<String> names = JsonPath.read(response.getContentAsString(), "$[*].departmentName");
		assertThat(names).hasSize(3).isSortedAccordingTo(Comparator.naturalOrder());
		assertThat(names).contains("12345 Citizen Service Hotline Centre");
		assertThat(
				JsonPath.<List<Double>>read(response.getContentAsString(), "$[?(@.department == 'PS')].responseRate"))
			.containsExactly(66.7);
	}

	@Test
	void aBadMonthIsRefusedBesideMonth() throws Exception {
		String next = YearMonth.now(CITY).plusMonths(1).toString();
		for (String month : List.of("2026-13", "abc", "2026-1", "2019-12", next)) {
			MockHttpServletResponse response = figures(month);
			assertThat(response.getStatus()).as(month).isEqualTo(400);
			assertThat(JsonPath.<String>read(response.getContentAsString(), "$.errors[0].field")).isEqualTo("month");
		}
		assertThat(figures(YearMonth.now(CITY).toString()).getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/api/v1/complaints/figures")).andReturn().getResponse().getStatus())
			.as("the current month by default")
			.isEqualTo(200);
	}

	@Test
	void theLiveMonthCountsOnlyDeadlinesThatHavePassed() throws Exception {
		complaint("EE", utc("2025-06-20T02:00:00Z"), null);
		clock.moveTo(LocalDateTime.parse("2025-06-15T12:00:00"));
		assertThat(byDepartment(figures("2025-06"))).as("the deadline is still ahead").doesNotContainKey("EE");
		assertThat(figures("2025-07").getStatus()).as("after the current month").isEqualTo(400);
		clock.reset();
		assertThat(byDepartment(figures("2025-06")).get("EE")).containsEntry("due", 1)
			.containsEntry("respondedInTime", 0);
	}

	@Test
	void theTrendHasEveryMonthOldestFirstInOneCall() throws Exception {
		MockHttpServletResponse trend = mvc.perform(get("/api/v1/complaints/figures/trend?months=3"))
			.andReturn()
			.getResponse();
		assertThat(trend.getStatus()).as(trend.getContentAsString()).isEqualTo(200);
		YearMonth now = YearMonth.now(CITY);
		assertThat(JsonPath.<List<String>>read(trend.getContentAsString(), "$[*].month"))
			.containsExactly(now.minusMonths(2).toString(), now.minusMonths(1).toString(), now.toString());
		List<Object> fromTrend = JsonPath.read(trend.getContentAsString(), "$[1].departments");
		List<Object> fromMonth = JsonPath.read(figures(now.minusMonths(1).toString()).getContentAsString(), "$");
		assertThat(fromTrend).isEqualTo(fromMonth);
		for (String months : List.of("0", "25", "x")) {
			MockHttpServletResponse bad = mvc.perform(get("/api/v1/complaints/figures/trend?months=" + months))
				.andReturn()
				.getResponse();
			assertThat(bad.getStatus()).as(months).isEqualTo(400);
			assertThat(JsonPath.<String>read(bad.getContentAsString(), "$.errors[0].field")).isEqualTo("months");
		}
	}

	@Test
	void thePageShowsNamesRatesAndDefinitionsAndTheDispatchCentreSeesItLive() throws Exception {
		complaint("CA", utc("2024-05-06T02:00:00Z"), utc("2024-05-06T01:00:00Z"));
		complaint("CA", utc("2024-05-07T02:00:00Z"), null);
		String page = mvc.perform(get("/complaints/figures?month=2024-05").cookie(new Cookie("onestop_lang", "en")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Figures for 2024-05", "Civil Affairs", "50.0%", "1 contacted in time", "2 due", "no verdicts",
					"How the figures are counted", "never 0% or 100%")
			.doesNotContain("data-testid=\"live\"", "complaint.figures.");
		String refused = mvc.perform(get("/complaints/figures?month=2019-01"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("govuk-error-summary", "请选择 2020-01 到");

		Cookie dispatcher = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "dispatcher").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		MockHttpServletResponse live = mvc.perform(get("/complaints/figures").cookie(dispatcher))
			.andReturn()
			.getResponse();
		assertThat(live.getHeader("Cache-Control")).contains("no-store");
		assertThat(live.getContentAsString()).contains("data-testid=\"live\"", "派单中心：本月实时数字");
		assertThat(mvc.perform(get("/complaints/figures")).andReturn().getResponse().getContentAsString())
			.contains("data-testid=\"live\"")
			.doesNotContain("派单中心：本月实时数字");
	}

	// --- the independent recount ---

	static final String[] FIELDS = { "due", "respondedInTime", "withVerdict", "solved", "rated", "satisfied",
			"noFeedback", "returns" };

	/**
	 * The counts of a month per department, from every row, counted one by one in Java.
	 */
	Map<String, long[]> recount(YearMonth month, Instant now) {
		Map<String, long[]> counts = new TreeMap<>();
		for (Map<String, Object> c : db
			.sql("SELECT lead_department, first_contact_due, first_contacted_at, merged_into, closure, closed_at "
					+ "FROM complaint")
			.query()
			.listOfRows()) {
			String department = c.get("lead_department") == null ? "DC" : (String) c.get("lead_department");
			Instant due = instant(c.get("first_contact_due"));
			if (c.get("merged_into") == null && due != null && inMonth(due, month) && due.isBefore(now)) {
				long[] row = counts.computeIfAbsent(department, d -> new long[FIELDS.length]);
				row[0]++;
				Instant contacted = instant(c.get("first_contacted_at"));
				if (contacted != null && !contacted.isAfter(due)) {
					row[1]++;
				}
			}
			Instant closed = instant(c.get("closed_at"));
			if ("NO_FEEDBACK".equals(c.get("closure")) && inMonth(closed, month) && closed.isBefore(now)) {
				counts.computeIfAbsent(department, d -> new long[FIELDS.length])[6]++;
			}
		}
		Map<Object, Map<String, Object>> latest = new HashMap<>();
		for (Map<String, Object> v : db
			.sql("SELECT complaint_id, round, given_at, department, solved, rating FROM complaint_verdict")
			.query()
			.listOfRows()) {
			Instant given = instant(v.get("given_at"));
			if (!inMonth(given, month) || !given.isBefore(now)) {
				continue;
			}
			latest.merge(v.get("complaint_id"), v,
					(a, b) -> ((Integer) a.get("round")) >= ((Integer) b.get("round")) ? a : b);
		}
		for (Map<String, Object> v : latest.values()) {
			long[] row = counts.computeIfAbsent((String) v.get("department"), d -> new long[FIELDS.length]);
			row[2]++;
			if ((Boolean) v.get("solved")) {
				row[3]++;
			}
			Integer rating = (Integer) v.get("rating");
			if (rating != null) {
				row[4]++;
				if (rating >= 4) {
					row[5]++;
				}
			}
		}
		for (Map<String, Object> r : db.sql("SELECT department, requested_at FROM complaint_return")
			.query()
			.listOfRows()) {
			Instant requested = instant(r.get("requested_at"));
			if (inMonth(requested, month) && requested.isBefore(now)) {
				counts.computeIfAbsent((String) r.get("department"), d -> new long[FIELDS.length])[7]++;
			}
		}
		return counts;
	}

	static boolean inMonth(Instant instant, YearMonth month) {
		return instant != null && YearMonth.from(instant.atZone(CITY)).equals(month);
	}

	static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp ts) {
			return ts.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime odt) {
			return odt.toInstant();
		}
		throw new IllegalArgumentException(value.getClass().getName());
	}

	static void assertRate(Map<String, Object> row, String field, long count, long of) {
		Object rate = row.get(field);
		if (of == 0) {
			assertThat(rate).as(field + " over nothing").isNull();
		}
		else {
			BigDecimal exact = new BigDecimal(count * 1000).divide(new BigDecimal(of), 0, RoundingMode.HALF_UP)
				.movePointLeft(1);
			assertThat(new BigDecimal(rate.toString())).as(field).isEqualByComparingTo(exact);
		}
	}

	// --- helpers ---

	MockHttpServletResponse figures(String month) throws Exception {
		return mvc.perform(get("/api/v1/complaints/figures").param("month", month)).andReturn().getResponse();
	}

	static Map<String, Map<String, Object>> byDepartment(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		List<Map<String, Object>> rows = JsonPath.read(response.getContentAsString(), "$");
		Map<String, Map<String, Object>> result = new HashMap<>();
		rows.forEach(r -> result.put((String) r.get("department"), r));
		return result;
	}

	/** What the counts of one department grew by. */
	static Map<String, Object> delta(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after,
			String department) {
		Map<String, Object> result = new HashMap<>();
		for (String field : FIELDS) {
			long was = before.containsKey(department) ? ((Number) before.get(department).get(field)).longValue() : 0;
			long is = after.containsKey(department) ? ((Number) after.get(department).get(field)).longValue() : 0;
			result.put(field, is - was);
		}
		return result;
	}

	static Instant utc(String text) {
		return Instant.parse(text);
	}

	/**
	 * A complaint held by a department (null: never dispatched) with its first-contact
	 * clock.
	 */
	UUID complaint(String lead, Instant contactDue, Instant contactedAt) {
		UUID id = UUID.randomUUID();
		String code = "F" + id.toString().substring(0, 8).toUpperCase();
		Instant received = contactDue.minusSeconds(7200);
		db.sql("""
				INSERT INTO complaint (id, tracking_code, channel, contact_channel, category_code, description, urgency_tier,
				                       status, lead_department, received_at, dispatched_at, first_contact_due,
				                       first_contacted_at)
				VALUES (:id, :code, 'WEB', 'WEB', :category, 'figures test', 'GENERAL_7D', :status, :lead, :received,
				        :dispatched, :due, :contacted)""")
			.param("id", id)
			.param("code", code)
			.param("category", CATEGORY)
			.param("status", lead == null ? "NEW" : "IN_PROGRESS")
			.param("lead", lead)
			.param("received", Timestamp.from(received))
			.param("dispatched", lead == null ? null : Timestamp.from(received))
			.param("due", Timestamp.from(contactDue))
			.param("contacted", contactedAt == null ? null : Timestamp.from(contactedAt))
			.update();
		return id;
	}

	void verdict(UUID complaint, int round, boolean solved, Integer rating, String channel, Instant at,
			String department) {
		db.sql("""
				INSERT INTO complaint_verdict (id, complaint_id, round, solved, rating, channel, given_at, department)
				VALUES (:id, :complaint, :round, :solved, :rating, :channel, :at, :department)""")
			.param("id", UUID.randomUUID())
			.param("complaint", complaint)
			.param("round", round)
			.param("solved", solved)
			.param("rating", rating)
			.param("channel", channel)
			.param("at", Timestamp.from(at))
			.param("department", department)
			.update();
	}

	void noFeedback(UUID complaint, Instant at) {
		db.sql("UPDATE complaint SET status = 'CLOSED', closure = 'NO_FEEDBACK', closed_at = :at WHERE id = :id")
			.param("at", Timestamp.from(at))
			.param("id", complaint)
			.update();
	}

	void returned(UUID complaint, String department, Instant at) {
		UUID assignment = UUID.randomUUID();
		db.sql("""
				INSERT INTO complaint_assignment (id, complaint_id, department, kind, assigned_at, assigned_by, due_at)
				VALUES (:id, :complaint, :department, 'CO_HANDLER', :at, 'dispatcher', :at)""")
			.param("id", assignment)
			.param("complaint", complaint)
			.param("department", department)
			.param("at", Timestamp.from(at.minusSeconds(60)))
			.update();
		db.sql("""
				INSERT INTO complaint_return (id, complaint_id, assignment_id, department, reason, requested_at,
				                              requested_by)
				VALUES (:id, :complaint, :assignment, :department, 'not ours', :at, 'handler')""")
			.param("id", UUID.randomUUID())
			.param("complaint", complaint)
			.param("assignment", assignment)
			.param("department", department)
			.param("at", Timestamp.from(at))
			.update();
	}

}
