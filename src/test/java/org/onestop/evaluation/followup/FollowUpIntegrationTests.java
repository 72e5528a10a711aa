package org.onestop.evaluation.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.platform.Tokens;
import org.onestop.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-ups of bad ratings end to end: which ratings open one, the clocks on the
 * working-day calendar, the sweep's warning and escalation (each once, with two sweeps at
 * once), the department's contact and reply (ledger, no legal basis, two replies at
 * once), the citizen's verdict, and the malicious-rating flags.
 */
@IntegrationTest
class FollowUpIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	FollowUpSweep sweep;

	RatingFixtures ratings;

	private final Map<String, String> tokens = new HashMap<>();

	@BeforeEach
	void setUp() {
		ratings = new RatingFixtures(db, events, transactions, clock);
	}

	@AfterEach
	void reset() {
		clock.reset();
	}

	@Test
	void onlyAVerifiedBadRatingOpensAFollowUpAndOnlyOne() {
		UUID bad = ratings.rate("li.na", "CA", 2, true, "DOCUMENTS_ALREADY_HELD");
		assertThat(ratings.followUp(bad)).element(1).isEqualTo("OPEN");
		String id = ratings.followUp(bad).get(0);
		ratings.again(bad, 2);
		assertThat(count("SELECT count(*) FROM follow_up WHERE rating_id = '" + bad + "'")).isEqualTo(1);
		assertThat(ratings.followUp(bad).get(0)).isEqualTo(id);
		assertThat(ratings.notifications("handler.civil", "FOLLOW_UP_OPENED", id)).isEqualTo(1);

		assertThat(ratings.followUp(ratings.rate("li.na", "CA", 1, true))).isNotNull();
		assertThat(ratings.followUp(ratings.rate("li.na", "CA", 3, true))).isNull();
		assertThat(ratings.followUp(ratings.rate(null, "CA", 1, false))).isNull();
		assertThat(ratings.followUp(ratings.rate("li.na", "CA", 1, false))).isNull();
	}

	@Test
	void aRatingRaisedBeforeContactWithdrawsItsFollowUpAndLoweredAgainReopensIt() {
		UUID rating = ratings.rate("li.na", "CA", 2, true);
		ratings.change(rating, 4);
		assertThat(ratings.followUp(rating)).element(1).isEqualTo("WITHDRAWN");
		ratings.change(rating, 1);
		assertThat(ratings.followUp(rating)).element(1).isEqualTo("OPEN");
		assertThat(db.sql("SELECT kind FROM follow_up_event WHERE follow_up_id = CAST(:id AS uuid) ORDER BY id")
			.param("id", ratings.followUp(rating).get(0))
			.query(String.class)
			.list()).containsExactly("OPENED", "WITHDRAWN", "REOPENED");
	}

	@Test
	void clocksCountWorkingDaysAcrossAWeekendAHolidayAndAMakeUpDayAndTheSweepSpeaksOnce() throws Exception {
		ZoneId zone = clock.getZone();
		// March 2021: Wednesday the 10th a holiday, Saturday the 13th worked in exchange.
		calendar.setDay("test", LocalDate.of(2021, 3, 10), "HOLIDAY", "测试假日");
		calendar.setDay("test", LocalDate.of(2021, 3, 13), "WORKDAY", "测试调休");
		clock.moveTo(LocalDateTime.of(2021, 3, 5, 10, 0));
		UUID rating = ratings.rate("li.na", "CA", 2, true);
		String id = ratings.followUp(rating).get(0);
		// Friday: the contact is due at the end of Monday, over the weekend.
		assertThat(ratings.column(id, "contact_due")).isEqualTo(at(zone, 2021, 3, 8));
		// Mon 8, Tue 9, (holiday), Thu 11, Fri 12, Sat 13 (worked): 5 working days.
		assertThat(ratings.column(id, "reply_due")).isEqualTo(at(zone, 2021, 3, 13));
		assertThat(ratings.column(id, "warn_at")).isEqualTo(at(zone, 2021, 3, 12));

		clock.moveTo(LocalDateTime.of(2021, 3, 12, 12, 0));
		// Nobody contacted the citizen by Monday's end: the head is told.
		assertThat(sweep.sweep()).isEqualTo(new FollowUpSweep.Swept(0, 0, 1));
		assertThat(status(get("handler.civil", "/api/v1/follow-ups/" + id), "$.followUp.clock")).isEqualTo("ON_TIME");

		clock.moveTo(LocalDateTime.of(2021, 3, 12, 18, 0));
		List<FollowUpSweep.Swept> both = twoSweepsAtOnce();
		assertThat(both.stream().mapToInt(FollowUpSweep.Swept::warned).sum()).isEqualTo(1);
		assertThat(ratings.notifications("handler.civil", "FOLLOW_UP_DUE_SOON", id)).isEqualTo(1);
		assertThat(ratings.notifications("head.civil", "FOLLOW_UP_OVERDUE", id)).isZero();
		assertThat(status(get("handler.civil", "/api/v1/follow-ups/" + id), "$.followUp.clock")).isEqualTo("DUE_SOON");

		clock.moveTo(LocalDateTime.of(2021, 3, 13, 18, 0));
		both = twoSweepsAtOnce();
		assertThat(both.stream().mapToInt(FollowUpSweep.Swept::escalated).sum()).isEqualTo(1);
		assertThat(both.stream().mapToInt(FollowUpSweep.Swept::warned).sum()).isZero();
		assertThat(sweep.sweep()).isEqualTo(new FollowUpSweep.Swept(0, 0, 0));
		assertThat(ratings.notifications("head.civil", "FOLLOW_UP_OVERDUE", id)).isEqualTo(1);
		assertThat(ratings.notifications("handler.civil", "FOLLOW_UP_DUE_SOON", id)).isEqualTo(1);
		MockHttpServletResponse view = get("handler.civil", "/api/v1/follow-ups/" + id);
		assertThat(status(view, "$.followUp.clock")).isEqualTo("OVERDUE");
		assertThat(JsonPath.<List<String>>read(view.getContentAsString(), "$.timeline[*].kind"))
			.containsExactly("OPENED", "CONTACT_OVERDUE", "DUE_SOON_WARNED", "ESCALATED_TO_HEAD");
	}

	@Test
	void theDepartmentContactsPutsItOnTheLedgerAndRepliesOnceAndTheCitizenAnswersOnce() throws Exception {
		UUID rating = ratings.rate("li.na", "CA", 2, true, "DOCUMENTS_ALREADY_HELD");
		String id = ratings.followUp(rating).get(0);
		String path = "/api/v1/follow-ups/" + id;

		MockHttpServletResponse list = get("handler.civil", "/api/v1/follow-ups");
		assertThat(JsonPath.<List<String>>read(list.getContentAsString(), "$[*].id")).contains(id);
		assertThat(get("clerk.ps", path).getStatus()).isEqualTo(404);
		assertThat(get("agent.hotline", path).getStatus()).isEqualTo(403);
		MockHttpServletResponse detail = get("clerk.civil", path);
		assertThat(detail.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(detail.getContentAsString(), "$.causes[*].key"))
			.contains("CA-ELD-001-precheck:R3");
		assertThat(JsonPath.<List<String>>read(detail.getContentAsString(), "$.reasons"))
			.containsExactly("DOCUMENTS_ALREADY_HELD");

		String ledger = "{\"text\":\"户籍信息已可共享，窗口系统下月改造。\",\"rectified\":false,\"promisedDate\":\""
				+ LocalDate.now(clock).plusMonths(2) + "\"}";
		assertThat(post("handler.civil", path + "/reply", ledger, null).getStatus()).isEqualTo(409);
		assertThat(post("handler.civil", path + "/contact", "{\"note\":\"\"}", null).getStatus()).isEqualTo(400);
		assertThat(post("handler.civil", path + "/contact", "{\"note\":\"电话联系，群众说窗口要了户口本原件\"}", null).getStatus())
			.isEqualTo(200);
		assertThat(post("handler.civil", path + "/contact", "{\"note\":\"再次联系\"}", null).getStatus()).isEqualTo(409);

		MockHttpServletResponse noDate = post("handler.civil", path + "/reply",
				"{\"text\":\"下月改造\",\"rectified\":false}", null);
		assertThat(noDate.getStatus()).isEqualTo(400);
		assertThat(noDate.getContentAsString()).contains("promisedDate");
		MockHttpServletResponse tooLate = post("handler.civil", path + "/reply",
				"{\"text\":\"下月改造\",\"rectified\":false," + "\"promisedDate\":\""
						+ LocalDate.now(clock).plusYears(1).plusDays(2) + "\"}",
				null);
		assertThat(tooLate.getStatus()).isEqualTo(400);

		// Two members of staff reply to the same version: one is kept.
		int version = JsonPath.read(get("handler.civil", path).getContentAsString(), "$.followUp.version");
		assertThat(post("handler.civil", path + "/reply", ledger, "\"" + version + "\"").getStatus()).isEqualTo(200);
		assertThat(post("supervisor.civil", path + "/reply", "{\"text\":\"已整改\",\"rectified\":true}",
				"\"" + version + "\"")
			.getStatus()).isEqualTo(409);
		assertThat(JsonPath.<List<String>>read(get("head.civil", "/api/v1/follow-ups/ledger").getContentAsString(),
				"$[*].id"))
			.contains(id);

		MockHttpServletResponse mine = get("li.na", "/api/v1/ratings/" + rating + "/follow-up");
		assertThat(status(mine, "$.status")).isEqualTo("LEDGER");
		assertThat(status(mine, "$.promisedDate")).isEqualTo(LocalDate.now(clock).plusMonths(2).toString());
		assertThat(ratings.notifications("li.na", "FOLLOW_UP_REPLIED", rating.toString())).isEqualTo(1);
		assertThat(get("wang.fang", "/api/v1/ratings/" + rating + "/follow-up").getStatus()).isEqualTo(404);

		// The fix is done: the final reply.
		assertThat(post("handler.civil", path + "/reply", "{\"text\":\"已接入户籍共享，不再收户口本。\",\"rectified\":true}", null)
			.getStatus()).isEqualTo(200);
		assertThat(post("handler.civil", path + "/reply", "{\"text\":\"再答复\",\"rectified\":true}", null).getStatus())
			.isEqualTo(409);

		String verdict = "/api/v1/ratings/" + rating + "/follow-up/verdict";
		assertThat(post("wang.fang", verdict, "{\"verdict\":\"PUT_RIGHT\"}", null).getStatus()).isEqualTo(404);
		assertThat(post("li.na", verdict, "{\"verdict\":\"MAYBE\"}", null).getStatus()).isEqualTo(400);
		MockHttpServletResponse answered = post("li.na", verdict, "{\"verdict\":\"PUT_RIGHT\"}", null);
		assertThat(answered.getStatus()).isEqualTo(200);
		assertThat(status(answered, "$.status")).isEqualTo("CLOSED");
		assertThat(post("li.na", verdict, "{\"verdict\":\"NOT_PUT_RIGHT\"}", null).getStatus()).isEqualTo(409);
	}

	@Test
	void aReplyThatFindsNoLegalBasisMustExplainIt() throws Exception {
		UUID rating = ratings.rate("li.na", "CA", 1, true);
		String path = "/api/v1/follow-ups/" + ratings.followUp(rating).get(0);
		assertThat(post("clerk.civil", path + "/contact", "{\"note\":\"已联系\"}", null).getStatus()).isEqualTo(200);
		MockHttpServletResponse tooShort = post("clerk.civil", path + "/reply",
				"{\"text\":\"没有依据\",\"noLegalBasis\":true}", null);
		assertThat(tooShort.getStatus()).isEqualTo(400);
		assertThat(tooShort.getContentAsString()).contains("text");
		String explained = "根据《老年人权益保障法》及本市高龄津贴办法第三条，申请人须年满八十周岁，您的要求没有法律依据，因此无法办理，请谅解。";
		MockHttpServletResponse replied = post("clerk.civil", path + "/reply",
				"{\"text\":\"" + explained + "\",\"noLegalBasis\":true}", null);
		assertThat(replied.getStatus()).isEqualTo(200);
		assertThat(status(replied, "$.followUp.status")).isEqualTo("REPLIED");
		assertThat(JsonPath.<Boolean>read(replied.getContentAsString(), "$.noLegalBasis")).isTrue();
		assertThat(JsonPath.<Boolean>read(replied.getContentAsString(), "$.rectified")).isFalse();
	}

	@Test
	void onlyTheServicesSupervisorExcludesAFlaggedRatingAndEveryExclusionIsPublic() throws Exception {
		UUID rating = ratings.rate("li.na", "CA", 1, true);
		String followUp = ratings.followUp(rating).get(0);
		String flags = "/api/v1/ratings/" + rating + "/flags";
		assertThat(post("clerk.ps", flags, "{\"reason\":\"恶意\"}", null).getStatus()).isEqualTo(404);
		assertThat(post("handler.civil", flags, "{\"reason\":\"\"}", null).getStatus()).isEqualTo(400);
		MockHttpServletResponse flagged = post("handler.civil", flags, "{\"reason\":\"同一人一天内对所有事项打了差评\"}", null);
		assertThat(flagged.getStatus()).isEqualTo(201);
		String flag = JsonPath.read(flagged.getContentAsString(), "$.id");
		assertThat(post("head.civil", flags, "{\"reason\":\"再次标记\"}", null).getStatus()).isEqualTo(409);

		String decision = "/api/v1/rating-flags/" + flag + "/decision";
		String exclude = "{\"exclude\":true,\"note\":\"经核实为同一账号批量差评\"}";
		for (String notSupervisor : List.of("handler.civil", "head.civil", "admin", "head.hotline")) {
			assertThat(post(notSupervisor, decision, exclude, null).getStatus()).as(notSupervisor).isEqualTo(403);
			assertThat(get(notSupervisor, "/api/v1/rating-flags").getStatus()).as(notSupervisor).isEqualTo(403);
		}
		assertThat(excluded(rating)).isFalse();
		MockHttpServletResponse queue = get("supervisor.services", "/api/v1/rating-flags");
		assertThat(queue.getStatus()).isEqualTo(200);
		// Undecided first.
		assertThat(JsonPath.<String>read(queue.getContentAsString(), "$[0].id")).isEqualTo(flag);
		assertThat(post("supervisor.services", decision, "{\"exclude\":true}", null).getStatus()).isEqualTo(400);
		assertThat(post("supervisor.services", decision, exclude, null).getStatus()).isEqualTo(200);
		assertThat(post("supervisor.services", decision, exclude, null).getStatus()).isEqualTo(409);
		assertThat(excluded(rating)).isTrue();
		assertThat(ratings.followUp(rating)).element(1).isEqualTo("WITHDRAWN");
		assertThat(ratings.notifications("handler.civil", "RATING_FLAG_DECIDED", "")).isPositive();

		MockHttpServletResponse open = mvc.perform(MockMvcRequestBuilders.get("/api/v1/ratings/exclusions"))
			.andReturn()
			.getResponse();
		assertThat(open.getStatus()).isEqualTo(200);
		String body = open.getContentAsString();
		assertThat(JsonPath.<List<String>>read(body, "$.exclusions[*].notes[*]")).contains("经核实为同一账号批量差评");
		assertThat(JsonPath.<List<Integer>>read(body, "$.byDepartment[?(@.department == 'CA')].excluded").get(0))
			.isPositive();
		assertThat(body).doesNotContain("li.na", rating.toString(), followUp, "同一人一天内");
	}

	@Test
	void aDepartmentsTimeToReplyIsSetByAnAdministratorWithinFiveToFifteenDays() throws Exception {
		String path = "/api/v1/admin/evaluation/departments/HR";
		assertThat(put("editor", path, "{\"replyWorkingDays\":10}").getStatus()).isEqualTo(403);
		assertThat(put("admin", path, "{\"replyWorkingDays\":16}").getStatus()).isEqualTo(400);
		assertThat(put("admin", path, "{\"replyWorkingDays\":4}").getStatus()).isEqualTo(400);
		assertThat(put("admin", "/api/v1/admin/evaluation/departments/NOPE", "{\"replyWorkingDays\":10}").getStatus())
			.isEqualTo(404);
		assertThat(put("admin", path, "{\"replyWorkingDays\":15}").getStatus()).isEqualTo(200);
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'evaluation.department.reply-days'"))
			.isPositive();
		clock.moveTo(LocalDateTime.of(2021, 6, 1, 9, 0));
		UUID rating = ratings.rate("li.na", "HR", 2, true);
		Instant due = ratings.column(ratings.followUp(rating).get(0), "reply_due");
		assertThat(due).isEqualTo(at(clock.getZone(), LocalDate.of(2021, 6, 1), 15));
	}

	private Instant at(ZoneId zone, LocalDate from, int workingDays) {
		return calendar.addWorkingDays(from, workingDays).atTime(17, 30).atZone(zone).toInstant();
	}

	private static Instant at(ZoneId zone, int year, int month, int day) {
		return LocalDateTime.of(year, month, day, 17, 30).atZone(zone).toInstant();
	}

	private List<FollowUpSweep.Swept> twoSweepsAtOnce() {
		CompletableFuture<FollowUpSweep.Swept> one = CompletableFuture.supplyAsync(sweep::sweep);
		CompletableFuture<FollowUpSweep.Swept> two = CompletableFuture.supplyAsync(sweep::sweep);
		return List.of(one.join(), two.join());
	}

	private boolean excluded(UUID rating) {
		return db.sql("SELECT excluded FROM rating WHERE id = :id").param("id", rating).query(Boolean.class).single();
	}

	private int count(String sql) {
		return db.sql(sql).query(Integer.class).single();
	}

	private static String status(MockHttpServletResponse response, String path) throws Exception {
		return JsonPath.read(response.getContentAsString(), path);
	}

	private MockHttpServletResponse get(String username, String path) throws Exception {
		return mvc.perform(as(username, MockMvcRequestBuilders.get(path))).andReturn().getResponse();
	}

	private MockHttpServletResponse post(String username, String path, String json, String ifMatch) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return mvc.perform(as(username, request)).andReturn().getResponse();
	}

	private MockHttpServletResponse put(String username, String path, String json) throws Exception {
		return mvc
			.perform(as(username,
					MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json)))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) throws Exception {
		String token = tokens.get(username);
		if (token == null) {
			// Signed in at the real time: a token issued while the clock stands in the
			// past would have expired by the time it comes back.
			Instant was = clock.instant();
			clock.reset();
			token = "Bearer " + Tokens.of(mvc, username);
			if (was.isBefore(Instant.now().minusSeconds(60))) {
				clock.moveTo(was);
			}
			tokens.put(username, token);
		}
		return request.header("Authorization", token);
	}

}
