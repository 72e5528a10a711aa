package org.onestop.evaluation.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
import org.onestop.insight.ChannelGroup;
import org.onestop.insight.Figure;
import org.onestop.insight.FigureSource;
import org.onestop.insight.Scope;
import org.onestop.platform.Tokens;
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
 * The code review's follow-up defects: a second reply from the ledger must not make an
 * on-time follow-up late, the citizen answers the final reply (not the promise), a missed
 * contact deadline tells the head once, and the public exclusions name no matter with
 * fewer than 5 exclusions in a month. Each test runs in a month of its own, after the
 * months other tests' sweeps stand in and before the real time, so that they do not meet.
 */
@IntegrationTest
class FollowUpReviewFixesIntegrationTests {

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
	FollowUpSweep sweep;

	@Autowired
	List<FigureSource> sources;

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
	void aPromiseOnTheLedgerInTimeStaysOnTimeAndTheCitizenAnswersOnlyTheFinalReply() throws Exception {
		// Monday 2 September 2024: the reply is due 5 working days later.
		clock.moveTo(LocalDateTime.of(2024, 9, 2, 10, 0));
		UUID rating = ratings.rate("li.na", "CA", 2, true, "DOCUMENTS_ALREADY_HELD");
		String id = ratings.followUp(rating).get(0);
		String path = "/api/v1/follow-ups/" + id;
		assertThat(post("handler.civil", path + "/contact", "{\"note\":\"电话联系了群众\"}").getStatus()).isEqualTo(200);
		String promise = "户籍信息共享需改造系统，已列入整改台账。";
		assertThat(post("handler.civil", path + "/reply", "{\"text\":\"" + promise + "\",\"rectified\":false,"
				+ "\"promisedDate\":\"" + LocalDate.of(2024, 11, 1) + "\"}")
			.getStatus()).isEqualTo(200);

		// On the ledger nothing has been put right yet: the citizen's one answer waits.
		String mine = "/api/v1/ratings/" + rating + "/follow-up";
		assertThat(JsonPath.<Boolean>read(get("li.na", mine).getContentAsString(), "$.mayGiveVerdict")).isFalse();
		assertThat(post("li.na", mine + "/verdict", "{\"verdict\":\"NOT_PUT_RIGHT\"}").getStatus()).isEqualTo(409);

		// The fix is done weeks after the reply was due.
		clock.moveTo(LocalDateTime.of(2024, 10, 30, 10, 0));
		String fixed = "已接入户籍共享，不再收户口本。";
		assertThat(
				post("handler.civil", path + "/reply", "{\"text\":\"" + fixed + "\",\"rectified\":true}").getStatus())
			.isEqualTo(200);
		Instant due = ratings.column(id, "reply_due");
		assertThat(db.sql("SELECT first_replied_at FROM follow_up WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.query(Timestamp.class)
			.single()
			.toInstant()).isBefore(due);

		// The department answered in time (the promise): the figure says so.
		Figure onTime = source("ratings").compute(YearMonth.of(2024, 9))
			.stream()
			.filter(f -> f.measure().equals("ratings.follow-ups.on-time") && f.scope() == Scope.DEPARTMENT
					&& f.subject().equals("CA") && f.channel() == ChannelGroup.ALL)
			.findFirst()
			.orElseThrow();
		assertThat(onTime.cases()).isEqualTo(1);
		assertThat(onTime.value()).isEqualTo(1.0);

		// The citizen reads the promise and the final reply, and now answers.
		MockHttpServletResponse view = get("li.na", mine);
		assertThat(JsonPath.<String>read(view.getContentAsString(), "$.reply")).isEqualTo(fixed);
		assertThat(JsonPath.<String>read(view.getContentAsString(), "$.ledgerReply")).isEqualTo(promise);
		assertThat(JsonPath.<Boolean>read(view.getContentAsString(), "$.mayGiveVerdict")).isTrue();
		MockHttpServletResponse answered = post("li.na", mine + "/verdict", "{\"verdict\":\"PUT_RIGHT\"}");
		assertThat(answered.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<String>read(answered.getContentAsString(), "$.status")).isEqualTo("CLOSED");
	}

	@Test
	void aMissedContactDeadlineTellsTheHeadOnceWithTwoSweepsAtOnce() throws Exception {
		// Monday 4 March 2024: the citizen must be contacted by Tuesday's end.
		clock.moveTo(LocalDateTime.of(2024, 3, 4, 10, 0));
		String missed = ratings.followUp(ratings.rate("li.na", "CA", 1, true)).get(0);
		String contacted = ratings.followUp(ratings.rate("li.na", "CA", 1, true)).get(0);
		assertThat(post("handler.civil", "/api/v1/follow-ups/" + contacted + "/contact", "{\"note\":\"已电话联系\"}")
			.getStatus()).isEqualTo(200);

		clock.moveTo(LocalDateTime.of(2024, 3, 5, 17, 0));
		sweep.sweep();
		assertThat(ratings.notifications("head.civil", "FOLLOW_UP_CONTACT_OVERDUE", missed)).isZero();

		clock.moveTo(LocalDateTime.of(2024, 3, 5, 18, 0));
		CompletableFuture<FollowUpSweep.Swept> one = CompletableFuture.supplyAsync(sweep::sweep);
		CompletableFuture<FollowUpSweep.Swept> two = CompletableFuture.supplyAsync(sweep::sweep);
		assertThat(one.join().contactEscalated() + two.join().contactEscalated()).isPositive();
		sweep.sweep();
		assertThat(ratings.notifications("head.civil", "FOLLOW_UP_CONTACT_OVERDUE", missed)).isEqualTo(1);
		assertThat(ratings.notifications("head.civil", "FOLLOW_UP_CONTACT_OVERDUE", contacted)).isZero();
		MockHttpServletResponse view = get("handler.civil", "/api/v1/follow-ups/" + missed);
		assertThat(JsonPath.<List<String>>read(view.getContentAsString(), "$.timeline[*].kind"))
			.containsExactly("OPENED", "CONTACT_OVERDUE");
		assertThat(JsonPath.<Boolean>read(view.getContentAsString(), "$.followUp.contactLate")).isTrue();
	}

	@Test
	void theExclusionsNameAMatterOnlyWithFiveOrMoreInTheMonth() throws Exception {
		clock.moveTo(LocalDateTime.of(2024, 1, 12, 10, 0));
		for (int i = 0; i < 5; i++) {
			exclude(ratings.rate(null, "CA", 1, false), "同一账号批量差评 " + i);
		}
		UUID lone = ratings.rate(null, "CA", 1, false);
		db.sql("UPDATE rating SET service_code = 'CA-MAR-001' WHERE id = :id").param("id", lone).update();
		exclude(lone, "测试用的恶意评价");

		String body = mvc.perform(MockMvcRequestBuilders.get("/api/v1/ratings/exclusions"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> lines = JsonPath.read(body, "$.exclusions[?(@.month == '2024-01')]");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).containsEntry("department", "CA")
			.containsEntry("serviceCode", RatingFixtures.MATTER)
			.containsEntry("count", 5);
		assertThat(lines.get(1)).containsEntry("department", "CA").containsEntry("count", 1);
		assertThat(lines.get(1).get("serviceCode")).isNull();
		assertThat(body).doesNotContain("CA-MAR-001");

		MockHttpServletResponse page = mvc
			.perform(MockMvcRequestBuilders.get("/ratings/exclusions").header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Not shown: fewer than 5 of one service that month")
			.doesNotContain("CA-MAR-001");
	}

	/** A supervisor's exclusion, as the decision writes it. */
	private void exclude(UUID rating, String note) {
		db.sql("""
				INSERT INTO rating_flag (id, rating_id, department, flagged_by, reason, flagged_at, decision, decided_by,
				    decided_at, decision_note)
				VALUES (:id, :rating, 'CA', 'handler.civil', '恶意', :now, 'EXCLUDED', 'supervisor.services', :now, :note)""")
			.param("id", UUID.randomUUID())
			.param("rating", rating)
			.param("now", Timestamp.from(clock.instant()))
			.param("note", note)
			.update();
		db.sql("UPDATE rating SET excluded = TRUE WHERE id = :id").param("id", rating).update();
	}

	private FigureSource source(String name) {
		return sources.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}

	private MockHttpServletResponse get(String username, String path) throws Exception {
		return mvc.perform(as(username, MockMvcRequestBuilders.get(path))).andReturn().getResponse();
	}

	private MockHttpServletResponse post(String username, String path, String json) throws Exception {
		return mvc
			.perform(as(username,
					MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json)))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) throws Exception {
		// A token lives 8 hours of the application's clock, which these tests move years
		// back: sign in again at each hour the clock stands at.
		String key = username + "@" + clock.instant().getEpochSecond() / 3600;
		String token = tokens.get(key);
		if (token == null) {
			token = "Bearer " + Tokens.of(mvc, username);
			tokens.put(key, token);
		}
		return request.header("Authorization", token);
	}

}
