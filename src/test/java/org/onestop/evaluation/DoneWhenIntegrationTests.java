package org.onestop.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.insight.FigureRefreshing;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The "Done when", end to end through the real API: five citizens' applications
 * for the elderly allowance, each refused by the pre-check's age rule and then by the
 * reviewer, are rated (two 不满意, one because the government already held the documents);
 * the department sees the follow-up with its clock, contacts and replies in time; the
 * head's causes name the rule; after the refresh the open data, its CSV and the figures
 * page in both languages show the same numbers, small cells suppressed in public and
 * shown to staff. Everything happens in April 2025, a month no other test writes.
 */
@IntegrationTest
class DoneWhenIntegrationTests {

	private static final YearMonth MONTH = YearMonth.of(2025, 4);

	private static final String MATTER = "CA-ELD-001";

	private static final String RULE = "precheck-CA-ELD-001:NOT_ELIGIBLE_AGE";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aBadRatingIsFollowedUpTracedToItsRuleAndShownInTheFigures() throws Exception {
		// Signed in at the real time: tokens issued under a clock in the past would have
		// expired when they come back.
		String clerk = bearer("clerk.civil");
		String reviewer = bearer("reviewer.civil");
		String handler = bearer("handler.civil");
		String head = bearer("head.civil");
		List<Citizen> citizens = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			citizens.add(accounts.register(residents.aged(45 + i).create()));
		}

		// Tuesday 8 April 2025, a working day.
		clock.moveTo(LocalDateTime.of(2025, 4, 8, 10, 0));
		int[] levels = { 2, 2, 5, 4, 5 };
		List<String> reasons = List.of("[\"DOCUMENTS_ALREADY_HELD\"]", "[\"SLOW_DECISION\"]", "[\"QUICK\"]", "[]",
				"[]");
		List<String> ratingIds = new ArrayList<>();
		for (int i = 0; i < citizens.size(); i++) {
			Citizen citizen = citizens.get(i);
			String application = applyAndBeRefused(citizen, clerk, reviewer);
			MockHttpServletResponse rated = send(post("/api/v1/ratings"), citizen.authorization(),
					"{\"subjectType\":\"APPLICATION\",\"subjectId\":\"" + application + "\",\"level\":" + levels[i]
							+ ",\"reasons\":" + reasons.get(i) + ",\"comment\":\"户口本政府已经有了，还让我复印。\"}");
			assertThat(rated.getStatus()).as(rated.getContentAsString()).isEqualTo(201);
			ratingIds.add(JsonPath.read(rated.getContentAsString(), "$.id"));
			if (i == 0) {
				// One rating per service event.
				assertThat(send(post("/api/v1/ratings"), citizen.authorization(), "{\"subjectType\":\"APPLICATION\","
						+ "\"subjectId\":\"" + application + "\",\"level\":4,\"reasons\":[]}")
					.getStatus()).isEqualTo(409);
			}
		}
		String rating = ratingIds.get(0);

		// The department sees the follow-up with its clock: contact by the end of the
		// next
		// working day, reply within five.
		String followUp = await().atMost(Duration.ofSeconds(20))
			.until(() -> followUpOf(handler, rating), id -> id != null);
		String list = send(get("/api/v1/follow-ups"), handler, null).getContentAsString();
		Map<String, Object> item = JsonPath.<List<Map<String, Object>>>read(list, "$[?(@.id == '" + followUp + "')]")
			.get(0);
		assertThat(item).containsEntry("status", "OPEN").containsEntry("clock", "ON_TIME").containsEntry("level", 2);
		assertThat(Instant.parse((String) item.get("contactDue")))
			.isEqualTo(LocalDateTime.of(2025, 4, 9, 17, 30).atZone(clock.getZone()).toInstant());
		assertThat(Instant.parse((String) item.get("replyDue")))
			.isEqualTo(LocalDateTime.of(2025, 4, 15, 17, 30).atZone(clock.getZone()).toInstant());
		String path = "/api/v1/follow-ups/" + followUp;
		assertThat(JsonPath.<List<String>>read(send(get(path), handler, null).getContentAsString(), "$.reasons"))
			.containsExactly("DOCUMENTS_ALREADY_HELD");

		clock.moveTo(LocalDateTime.of(2025, 4, 9, 11, 0));
		assertThat(send(post(path + "/contact"), handler, "{\"note\":\"电话联系了申请人，窗口要了户口本复印件。\"}").getStatus())
			.isEqualTo(200);
		clock.moveTo(LocalDateTime.of(2025, 4, 11, 15, 0));
		MockHttpServletResponse replied = send(post(path + "/reply"), handler,
				"{\"text\":\"户籍信息已接入共享，窗口不再收户口本复印件。\",\"rectified\":true}");
		assertThat(replied.getStatus()).as(replied.getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.<String>read(replied.getContentAsString(), "$.followUp.status")).isEqualTo("REPLIED");
		assertThat(JsonPath.<String>read(replied.getContentAsString(), "$.followUp.clock")).isEqualTo("STOPPED");
		MockHttpServletResponse verdict = send(post("/api/v1/ratings/" + rating + "/follow-up/verdict"),
				citizens.get(0).authorization(), "{\"verdict\":\"PUT_RIGHT\"}");
		assertThat(verdict.getStatus()).as(verdict.getContentAsString()).isEqualTo(200);

		// The head's causes name the rule behind both bad ratings.
		String causes = send(get("/api/v1/ratings/causes?department=CA&from=2025-04-01&to=2025-04-30"), head, null)
			.getContentAsString();
		assertThat(JsonPath.<Integer>read(causes, "$.badRatings")).as(causes).isEqualTo(2);
		String matter = "$.matters[?(@.serviceCode == '" + MATTER + "')]";
		assertThat(JsonPath.<List<Integer>>read(causes, matter + ".badRatings")).containsExactly(2);
		List<Map<String, Object>> rule = JsonPath.read(causes, matter + ".causes[?(@.key == '" + RULE + "')]");
		assertThat(rule).as(causes).hasSize(1);
		assertThat(rule.get(0)).containsEntry("kind", "RULE").containsEntry("ratings", 2).containsEntry("share", 1.0);
		assertThat((String) rule.get(0).get("link")).isNotBlank();
		List<Map<String, Object>> held = JsonPath.read(causes,
				matter + ".causes[?(@.key == 'DOCUMENTS_ALREADY_HELD')]");
		assertThat(held).hasSize(1);
		assertThat(held.get(0)).containsEntry("ratings", 1).containsEntry("share", 0.5);

		// The figures, recomputed from the rows.
		clock.reset();
		FigureRefreshing.in(context).everything("done-when");
		String json = open("/api/v1/figures/matters?month=" + MONTH, "application/json", "en");
		assertThat(value(json, "applications.submitted", "ALL")).isEqualTo(5.0);
		assertThat(value(json, "applications.submitted", "ONLINE")).isEqualTo(5.0);
		assertThat(value(json, "applications.decided", "ALL")).isEqualTo(5.0);
		assertThat(value(json, "applications.rejections", "ALL")).isEqualTo(5.0);
		assertThat(value(json, "ratings.count", "ALL")).isEqualTo(5.0);
		assertThat(value(json, "ratings.count", "ONLINE")).isEqualTo(5.0);
		assertThat(value(json, "ratings.satisfaction", "ALL")).isEqualTo(0.6);
		// Fewer than five: the public sees the cell suppressed, staff see it.
		Map<String, Object> followUps = line(json, "ratings.follow-ups", "ALL");
		assertThat(followUps).containsEntry("suppressed", true).containsEntry("value", null);

		String csv = open("/api/v1/figures/matters.csv?month=" + MONTH, null, "en");
		assertThat(open("/api/v1/figures/matters?month=" + MONTH, "text/csv", "en")).isEqualTo(csv);
		for (String measure : List.of("applications.submitted", "applications.decided", "applications.rejections",
				"ratings.count", "ratings.satisfaction", "ratings.follow-ups")) {
			Map<String, Object> l = line(json, measure, "ALL");
			Object value = l.get("value");
			assertThat(csv).contains(String.join(",", MONTH.toString(), measure, (String) l.get("measureName"), MATTER,
					(String) l.get("subjectName"), "ALL",
					value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString(),
					l.get("cases") == null ? "" : l.get("cases").toString(),
					Boolean.TRUE.equals(l.get("suppressed")) ? "suppressed" : "") + "\r\n");
		}

		// The per-matter tables are on the matters view, one section at a time.
		String matters = "/figures/matters?month=" + MONTH;
		Document english = page(matters + "&section=applications&lang=en", null);
		assertThat(cell(english, "applications-submitted", "ALL")).isEqualTo("5");
		assertThat(cell(english, "applications-rejections", "ALL")).isEqualTo("5");
		Document englishRatings = page(matters + "&section=ratings&lang=en", null);
		assertThat(cell(englishRatings, "ratings-count", "ALL")).isEqualTo("5");
		assertThat(cell(englishRatings, "ratings-satisfaction", "ALL")).isEqualTo("60.0%");
		assertThat(cell(englishRatings, "ratings-follow-ups", "ALL")).isEqualTo("Fewer than 5");
		Document chinese = page(matters + "&section=applications", null);
		assertThat(chinese.selectFirst("html").attr("lang")).startsWith("zh");
		assertThat(cell(chinese, "applications-submitted", "ALL")).isEqualTo("5");
		Document chineseRatings = page(matters + "&section=ratings", null);
		assertThat(cell(chineseRatings, "ratings-count", "ALL")).isEqualTo("5");
		assertThat(cell(chineseRatings, "ratings-satisfaction", "ALL")).isEqualTo("60.0%");

		Document staff = page("/staff/figures/matters?month=" + MONTH + "&section=ratings&lang=en",
				session("head.civil"));
		assertThat(cell(staff, "ratings-follow-ups", "ALL")).isEqualTo("2");
		assertThat(cell(staff, "ratings-follow-ups-put-right", "ALL")).isEqualTo("100.0%");
	}

	/**
	 * Applies through the API (the age rule fires), and the clerk and the reviewer
	 * refuse.
	 */
	private String applyAndBeRefused(Citizen citizen, String clerk, String reviewer) throws Exception {
		MockHttpServletResponse created = mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"" + MATTER + "\",\"fields\":{},\"explanation\":\"出生日期登记有误\"}"))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String id = JsonPath.read(created.getContentAsString(), "$.id");
		complete(clerk, task(clerk, id), "{\"outcome\":\"ACCEPT\"}");
		complete(reviewer, task(reviewer, id), "{\"outcome\":\"REJECT\",\"reason\":\"申请人未满七十周岁\","
				+ "\"legalBasis\":\"《高龄津贴发放办法》第三条\",\"remedy\":\"年满七十周岁后可再次申请\"}");
		// The invitation is written by a listener after the decision commits.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> db
				.sql("SELECT count(*) FROM rating_invitation WHERE subject_type = 'APPLICATION' AND subject_id = :id")
				.param("id", id)
				.query(Integer.class)
				.single() == 1);
		return id;
	}

	private String task(String staff, String applicationId) throws Exception {
		String body = send(get("/api/v1/staff/tasks?size=500"), staff, null).getContentAsString();
		List<String> ids = JsonPath.read(body, "$.tasks[?(@.applicationId == '" + applicationId + "')].id");
		assertThat(ids).as("a task of " + applicationId).isNotEmpty();
		return ids.get(0);
	}

	private void complete(String staff, String task, String outcome) throws Exception {
		MockHttpServletResponse done = send(post("/api/v1/staff/tasks/" + task + "/complete"), staff, outcome);
		assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
	}

	private String followUpOf(String staff, String ratingId) throws Exception {
		List<String> ids = JsonPath.read(send(get("/api/v1/follow-ups"), staff, null).getContentAsString(),
				"$[?(@.ratingId == '" + ratingId + "')].id");
		return ids.isEmpty() ? null : ids.get(0);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String authorization, String json)
			throws Exception {
		request.header("Authorization", authorization);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private String bearer(String username) throws Exception {
		return "Bearer " + Tokens.of(mvc, username);
	}

	private String open(String path, String accept, String language) throws Exception {
		MockHttpServletRequestBuilder request = get(path).header("Accept-Language", language);
		if (accept != null) {
			request.header("Accept", accept);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private static Map<String, Object> line(String json, String measure, String channel) {
		List<Map<String, Object>> lines = JsonPath.read(json, "$[?(@.measure == '" + measure + "' && @.subject == '"
				+ MATTER + "' && @.channel == '" + channel + "')]");
		assertThat(lines).as(measure + " " + channel).hasSize(1);
		return lines.get(0);
	}

	private static Double value(String json, String measure, String channel) {
		Map<String, Object> line = line(json, measure, channel);
		assertThat(line).as(measure).containsEntry("suppressed", false);
		return ((Number) line.get("value")).doubleValue();
	}

	private Cookie session(String username) throws Exception {
		Cookie cookie = mvc
			.perform(post("/sign-in").with(csrf()).param("username", username).param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		assertThat(cookie).as(username).isNotNull();
		return cookie;
	}

	private Document page(String path, Cookie session) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		if (session != null) {
			request.cookie(session);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	/** The figure of the matter in the table beside the measure's chart. */
	private static String cell(Document page, String measure, String channel) {
		Element row = page.selectFirst("#m-" + measure + "-matters tr[data-subject=" + MATTER + "]");
		assertThat(row).as(measure).isNotNull();
		return row.selectFirst("td[data-channel=" + channel + "]").text();
	}

}
