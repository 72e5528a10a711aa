package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The complaint clocks on the database's timer jobs, with the platform's test clock:
 * complaints are filed in the past, and when the clock comes back to now their timers are
 * due and the job executor fires them, as it would after a node's restart. Warnings,
 * overdue notices and escalation fire once each; waiting stops the clock and moves the
 * due date on by the wait; an unanswered reply closes as "no feedback" after a follow-up
 * call was opened, and a late verdict is still taken.
 */
@IntegrationTest
class ComplaintClocksIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient db;

	@Autowired
	WorkingCalendar calendar;

	ComplaintApi api;

	@BeforeEach
	void setUp() throws Exception {
		api = new ComplaintApi(mvc);
		// Signed in now: a token issued while the clock stands in the past would have
		// expired by the time the clock comes back.
		for (String username : new String[] { "li.na", "wang.fang", "zhao.lei", "dispatcher", "head.dispatch",
				"handler.civil", "handler.ps", "handler.um", "agent.hotline" }) {
			api.token(username);
		}
	}

	@AfterEach
	void reset() {
		clock.reset();
	}

	@Test
	void contactTimersWarnTellTheHeadAndEscalateOnceEach() throws Exception {
		clock.moveTo(Instant.now().minus(Duration.ofDays(3)));
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "对面楼每晚唱卡拉OK到两点");
		dispatch(id, "CA");
		clock.reset();
		awaitUntil(() -> clockRow(id, "CONTACT", "escalated_at") != null
				&& clockRow(id, "CONTACT", "overdue_at") != null && clockRow(id, "CONTACT", "warned_at") != null);
		MockHttpServletResponse view = api.get("dispatcher", "/api/v1/complaints/" + id);
		List<String> kinds = ComplaintApi.read(view, "$.timeline[*].kind");
		assertThat(kinds).containsOnlyOnce("CONTACT_WARNING", "CONTACT_OVERDUE", "ESCALATED_TO_HEAD");
		assertThat(ComplaintApi.<Boolean>read(view, "$.overdue")).isTrue();
		assertThat(notifications("head.civil", "COMPLAINT_OVERDUE", id)).isEqualTo(1);
		assertThat(notifications("head.dispatch", "COMPLAINT_FAR_OVERDUE", id)).isEqualTo(1);
		assertThat(notifications("handler.civil", "COMPLAINT_DEADLINE_WARNING", id)).isEqualTo(1);
		// The citizen sees that it is late, but not the department's internal steps.
		MockHttpServletResponse mine = api.get("li.na", "/api/v1/complaints/" + id);
		assertThat(ComplaintApi.<Boolean>read(mine, "$.overdue")).isTrue();
		assertThat(ComplaintApi.<List<String>>read(mine, "$.timeline[*].kind")).doesNotContain("CONTACT_OVERDUE",
				"ESCALATED_TO_HEAD");
	}

	@Test
	void contactStopsTheContactClockBeforeItFires() throws Exception {
		clock.moveTo(Instant.now().minus(Duration.ofDays(3)));
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "楼下商铺凌晨装修");
		dispatch(id, "CA");
		assertThat(
				api.post("handler.civil", "/api/v1/complaints/" + id + "/contact", "{\"note\":\"已电话联系\"}").getStatus())
			.isEqualTo(200);
		clock.reset();
		// The reply clock (7 working days) has not run out; nothing of the contact clock
		// fires.
		Thread.sleep(3000);
		assertThat(clockRow(id, "CONTACT", "stopped_at")).isNotNull();
		assertThat(clockRow(id, "CONTACT", "overdue_at")).isNull();
		assertThat(notifications("head.civil", "COMPLAINT_OVERDUE", id)).isZero();
	}

	@Test
	void waitingStopsTheClockAndMovesTheDueDateOnByTheWait() throws Exception {
		Instant start = Instant.now().minus(Duration.ofDays(3));
		clock.moveTo(start);
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "邻居养狗整夜叫");
		dispatch(id, "CA");
		Instant replyDueBefore = replyDue(id);
		clock.moveTo(start.plus(Duration.ofHours(1)));
		MockHttpServletResponse refused = api.post("handler.civil", "/api/v1/complaints/" + id + "/wait", "{}");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("reason");
		assertThat(api.post("handler.civil", "/api/v1/complaints/" + id + "/wait", "{\"reason\":\"等待您提供具体门牌号\"}")
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse mine = api.get("li.na", "/api/v1/complaints/" + id);
		assertThat(ComplaintApi.<String>read(mine, "$.status")).isEqualTo("WAITING");
		assertThat(ComplaintApi.<List<String>>read(mine, "$.timeline[?(@.kind == 'WAITING')].detail"))
			.containsExactly("等待您提供具体门牌号");
		assertThat(notifications("li.na", "COMPLAINT_WAITING", id)).isEqualTo(1);
		clock.reset();
		// Paused: the contact clock (due a day after filing, two days ago) stays silent.
		Thread.sleep(3000);
		assertThat(clockRow(id, "CONTACT", "overdue_at")).isNull();
		Instant resumedAt = Instant.now();
		MockHttpServletResponse resumed = api.post("handler.civil", "/api/v1/complaints/" + id + "/resume", null);
		assertThat(resumed.getStatus()).isEqualTo(200);
		Duration waited = Duration.between(start.plus(Duration.ofHours(1)), resumedAt);
		assertThat(Duration.between(replyDueBefore, replyDue(id)).minus(waited).abs())
			.isLessThan(Duration.ofSeconds(30));
		assertThat(ComplaintApi.<List<String>>read(api.get("handler.civil", "/api/v1/complaints/" + id),
				"$.timeline[*].kind"))
			.containsSubsequence("WAITING", "RESUMED");
		// The contact clock runs again from where it stopped: 23 hours were left.
		assertThat(clockRow(id, "CONTACT", "paused_at")).isNull();
		assertThat(clockRow(id, "CONTACT", "overdue_at")).isNull();
	}

	@Test
	void aReplyWithoutVerdictGetsAFollowUpCallWhoseAnswerCountsAsTheVerdict() throws Exception {
		clock.moveTo(Instant.now().minus(Duration.ofDays(3)));
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "楼下夜市音响");
		dispatch(id, "CA");
		assertThat(api.post("handler.civil", "/api/v1/complaints/" + id + "/reply", "{\"text\":\"已约谈摊主\"}").getStatus())
			.isEqualTo(200);
		clock.reset();
		// Two days without a verdict: an agent is to call; the 7-day close is still
		// ahead.
		awaitUntil(() -> db.sql("SELECT count(*) FROM complaint_follow_up WHERE complaint_id = :id")
			.param("id", UUID.fromString(id))
			.query(Integer.class)
			.single() == 1);
		assertThat(
				ComplaintApi.<List<String>>read(api.get("agent.hotline", "/api/v1/complaints/follow-ups"), "$[*].id"))
			.contains(id);
		assertThat(
				api.post("agent.hotline", "/api/v1/complaints/" + id + "/follow-up", "{\"reached\":true}").getStatus())
			.as("reached needs the answer")
			.isEqualTo(400);
		MockHttpServletResponse answered = api.post("agent.hotline", "/api/v1/complaints/" + id + "/follow-up",
				"{\"reached\":true,\"solved\":true,\"rating\":4}");
		assertThat(answered.getStatus()).as(answered.getContentAsString()).isEqualTo(200);
		assertThat(ComplaintApi.<String>read(answered, "$.closure")).isEqualTo("SOLVED");
		assertThat(ComplaintApi.<List<String>>read(answered, "$.verdicts[*].channel")).containsExactly("FOLLOW_UP");
		assertThat(
				ComplaintApi.<List<String>>read(api.get("agent.hotline", "/api/v1/complaints/follow-ups"), "$[*].id"))
			.doesNotContain(id);
	}

	@Test
	void anUnansweredReplyClosesAsNoFeedbackAndTakesALateVerdict() throws Exception {
		clock.moveTo(Instant.now().minus(Duration.ofDays(8)));
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "楼上每天清晨六点拖椅子");
		dispatch(id, "CA");
		assertThat(api.post("handler.civil", "/api/v1/complaints/" + id + "/reply", "{\"text\":\"已上门协调\"}").getStatus())
			.isEqualTo(200);
		clock.reset();
		awaitUntil(() -> "CLOSED".equals(status(id)));
		MockHttpServletResponse staff = api.get("dispatcher", "/api/v1/complaints/" + id);
		assertThat(ComplaintApi.<String>read(staff, "$.closure")).isEqualTo("NO_FEEDBACK");
		assertThat(ComplaintApi.<List<String>>read(staff, "$.timeline[*].kind")).containsOnlyOnce("CLOSED_NO_FEEDBACK");
		assertThat(db.sql("SELECT count(*) FROM complaint_verdict WHERE complaint_id = :id")
			.param("id", UUID.fromString(id))
			.query(Integer.class)
			.single()).as("no feedback is never a verdict").isZero();
		// The citizen answers late, within 14 days of closing: taken.
		MockHttpServletResponse late = api.post("li.na", "/api/v1/complaints/" + id + "/verdict",
				"{\"solved\":true,\"rating\":4}");
		assertThat(late.getStatus()).as(late.getContentAsString()).isEqualTo(200);
		assertThat(ComplaintApi.<String>read(late, "$.closure")).isEqualTo("SOLVED");
	}

	@Test
	void aReturnMustComeWithinTwoWorkingHoursOfTheDispatch() throws Exception {
		LocalDate day = LocalDate.now(clock.getZone()).minusDays(1);
		while (!calendar.isWorkingDay(day)) {
			day = day.minusDays(1);
		}
		clock.moveTo(day.atTime(LocalTime.of(9, 30)));
		String inTime = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "小区门口烧烤摊油烟");
		String late = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "小区门口烧烤摊噪声");
		dispatch(inTime, "CA");
		dispatch(late, "CA");
		clock.moveTo(day.atTime(LocalTime.of(11, 15)));
		assertThat(api.post("handler.civil", "/api/v1/complaints/" + inTime + "/return", "{\"reason\":\"属城管职责\"}")
			.getStatus()).isEqualTo(201);
		clock.moveTo(day.atTime(LocalTime.of(11, 45)));
		MockHttpServletResponse tooLate = api.post("handler.civil", "/api/v1/complaints/" + late + "/return",
				"{\"reason\":\"属城管职责\"}");
		assertThat(tooLate.getStatus()).isEqualTo(409);
		assertThat(tooLate.getContentAsString()).contains("2 个工作小时");
	}

	private void dispatch(String id, String department) throws Exception {
		MockHttpServletResponse response = api.post("dispatcher", "/api/v1/complaints/" + id + "/dispatch",
				"{\"leadDepartment\":\"" + department + "\"}");
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	private Object clockRow(String id, String kind, String column) {
		return db.sql("SELECT " + switch (column) {
			case "warned_at" -> "warned_at";
			case "overdue_at" -> "overdue_at";
			case "escalated_at" -> "escalated_at";
			case "stopped_at" -> "stopped_at";
			default -> "paused_at";
		} + " FROM complaint_clock WHERE complaint_id = :id AND kind = :kind ORDER BY started_at DESC LIMIT 1")
			.param("id", UUID.fromString(id))
			.param("kind", kind)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1)))
			.single()
			.orElse(null);
	}

	private Instant replyDue(String id) {
		return db.sql("SELECT reply_due FROM complaint WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	private String status(String id) {
		return db.sql("SELECT status FROM complaint WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
	}

	private int notifications(String username, String kind, String id) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :u AND kind = :k AND link LIKE :link")
			.param("u", username)
			.param("k", kind)
			.param("link", "%" + id)
			.query(Integer.class)
			.single();
	}

	private void awaitUntil(BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		while (!condition.getAsBoolean()) {
			// A job that failed for good would wait here in vain: say so.
			assertThat(db.sql("SELECT string_agg(exception_msg_, ' | ') FROM act_ru_deadletter_job")
				.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
				.single()).as("timer jobs that failed for good").isEmpty();
			assertThat(Instant.now()).as("the timers fired within 180 seconds").isBefore(deadline);
			Thread.sleep(250);
		}
	}

}
