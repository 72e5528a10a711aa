package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hall's "three away" and "it is your turn" reach a known citizen's phone (and their
 * proved e-mail), in their language, once each.
 */
@IntegrationTest
class QueueMessagesIntegrationTests {

	static final String HALL = "HALL-WEST";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	QueueFixture hall;

	String token;

	@BeforeEach
	void emptyHall() throws Exception {
		token = Tokens.of(mvc, "clerk.ps");
		hall = new QueueFixture(mvc, db, clock, HALL, token);
		hall.clear();
	}

	@Test
	void threeAwayAndYourTurnAreTextedInTheCitizensLanguage() throws Exception {
		Citizen zh = accounts.register(residents.aged(45).create());
		Citizen en = accounts.register(residents.aged(46).create());
		Citizen near = accounts.register(residents.aged(47).create());
		db.sql("""
				INSERT INTO notification_contact (username, language, email, email_verified_at)
				VALUES (:u, 'en', 'queue@example.org', now())""").param("u", en.username()).update();
		String first = checkIn(zh);
		String second = checkIn(en);
		checkIn(near);
		hall.walkIn("A");

		assertThat(callNext()).isEqualTo(first);
		assertThat(texts(zh, "queue.notice.your-turn")).singleElement()
			.satisfies(body -> assertThat(body).startsWith("【").contains("1号窗口").containsPattern("A\\d{3}"));
		assertThat(texts(near, "queue.notice.three-away")).singleElement()
			.satisfies(body -> assertThat(body).contains("等候叫号").doesNotContain("(("));
		assertThat(texts(en, "queue.notice.three-away")).singleElement()
			.satisfies(body -> assertThat(body).contains("less than three places"));
		assertThat(callNext()).isEqualTo(second);
		callNext();
		assertThat(texts(en, "queue.notice.three-away")).hasSize(1);
		assertThat(texts(en, "queue.notice.your-turn")).singleElement()
			.satisfies(body -> assertThat(body).contains("It is your turn").contains("Counter 1"));
		assertThat(db.sql("""
				SELECT count(*) FROM notification_outbox WHERE recipient = :u AND channel = 'EMAIL'
				  AND address = 'queue@example.org' AND template LIKE 'queue.notice.%'""")
			.param("u", en.username())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(db.sql("SELECT bool_and(quiet_hours_exempt) FROM notification_kind WHERE template LIKE 'queue.%'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private String checkIn(Citizen citizen) throws Exception {
		return hall.checkIn(hall.appointment(citizen.username(), citizen.resident().idNumber().value(), "A",
				clock.instant().plus(Duration.ofHours(4))), "A");
	}

	private String callNext() throws Exception {
		return JsonPath.read(mvc
			.perform(post("/api/v1/halls/" + HALL + "/counters/1/call-next").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private List<String> texts(Citizen citizen, String template) {
		return db.sql("""
				SELECT body FROM notification_outbox WHERE recipient = :u AND template = :t AND channel = 'SMS'
				  AND address = :p""")
			.param("u", citizen.username())
			.param("t", template)
			.param("p", citizen.resident().phone())
			.query(String.class)
			.list();
	}

}
