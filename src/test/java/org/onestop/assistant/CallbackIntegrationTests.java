package org.onestop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.assistant.AssistantFixture.Caller;
import org.onestop.assistant.AssistantFixture.Started;
import org.onestop.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Callbacks: validated slot and phone (every bad field at once), a task for the agents,
 * escalation to the department head once the due time has passed, exactly once. Time is
 * moved by handing the sweep a later instant.
 */
@IntegrationTest
class CallbackIntegrationTests {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Callbacks callbacks;

	@Autowired
	Clock clock;

	AssistantFixture assistant;

	@BeforeEach
	void setUp() {
		assistant = new AssistantFixture(mvc, db);
		assistant.clean();
	}

	LocalDate nextWorkingDay() {
		LocalDate day = LocalDate.now(clock.withZone(CITY)).plusDays(1);
		while (!calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	LocalDate nextWeekend() {
		LocalDate day = LocalDate.now(clock.withZone(CITY)).plusDays(1);
		while (calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	String callback(Started c, String slot, String phone) {
		return "{\"slot\":\"" + slot + "\",\"phone\":\"" + phone + "\"}";
	}

	@Test
	void aBadSlotOrPhoneIsRefusedWithEveryBadField() throws Exception {
		Started c = assistant.start(AssistantFixture.NOBODY);
		assertThat(AssistantFixture.state(assistant.say(c.owner(), c.id(), "人工"))).isEqualTo("CALLBACK_OFFERED");
		String url = "/api/v1/assistant/conversations/" + c.id() + "/callback";
		mvc.perform(c.owner()
			.on(post(url))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(callback(c, "2020-01-06T10:00", "12345")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'slot')].message")
				.value("The call-back time must be in the future"))
			.andExpect(jsonPath("$.errors[?(@.field == 'phone')]").isNotEmpty());
		mvc.perform(c.owner()
			.on(post(url))
			.contentType(MediaType.APPLICATION_JSON)
			.content(callback(c, nextWeekend() + "T10:00", "13800138000")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("回电时间必须是工作日"));
		mvc.perform(c.owner()
			.on(post(url))
			.contentType(MediaType.APPLICATION_JSON)
			.content(callback(c, nextWorkingDay() + "T20:00", "13800138000")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("回电时间必须在 09:00 到 17:00 之间"));
		mvc.perform(c.owner()
			.on(post(url))
			.contentType(MediaType.APPLICATION_JSON)
			.content(callback(c, "next tuesday", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
		mvc.perform(c.owner()
			.on(post(url))
			.contentType(MediaType.APPLICATION_JSON)
			.content(callback(c, nextWorkingDay() + "T10:00", "+86 138-0013-8000")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.phone").value("13800138000"));
		assertThat(AssistantFixture.state(assistant.transcript(c.owner(), c.id()))).isEqualTo("CALLBACK_SCHEDULED");
		// Another browser cannot book on this conversation.
		Started other = assistant.start(AssistantFixture.NOBODY);
		mvc.perform(other.owner()
			.on(post(url))
			.contentType(MediaType.APPLICATION_JSON)
			.content(callback(c, nextWorkingDay() + "T11:00", "13800138000"))).andExpect(status().isNotFound());
	}

	@Test
	void aMissedCallbackIsEscalatedToTheDepartmentHeadOnce() throws Exception {
		Started c = assistant.start(AssistantFixture.NOBODY);
		assistant.say(c.owner(), c.id(), "人工");
		String slot = nextWorkingDay() + "T10:30";
		String task = mvc
			.perform(c.owner()
				.on(post("/api/v1/assistant/conversations/" + c.id() + "/callback"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(callback(c, slot, "010-62345678")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(task, "$.id");
		Caller agent = assistant.staff("agent.hotline");
		mvc.perform(agent.on(get("/api/v1/agent/callbacks")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].due").isNotEmpty());
		db.sql("DELETE FROM notification WHERE recipient = 'head.hotline'").update();
		Instant due = java.time.LocalDateTime.parse(slot).atZone(CITY).toInstant().plus(Duration.ofMinutes(15));
		assertThat(callbacks.escalateDue(due.minusSeconds(60))).isZero();
		assertThat(callbacks.escalateDue(due.plusSeconds(60))).isEqualTo(1);
		assertThat(callbacks.escalateDue(due.plusSeconds(120))).isZero();
		assertThat(db
			.sql("SELECT count(*) FROM notification WHERE recipient = 'head.hotline' AND kind = 'CALLBACK_OVERDUE'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		// Done callbacks are not escalated.
		mvc.perform(agent.on(post("/api/v1/agent/callbacks/" + id + "/done"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"RESOLVED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("RESOLVED"));
		mvc.perform(agent.on(get("/api/v1/agent/callbacks"))).andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void eachCallerHasAnHourlyLimitOfConversationsAndCallbacks() throws Exception {
		// A script at one address has used up this hour's ceiling: the next start is
		// refused, in its language.
		db.sql("INSERT INTO assistant_quota VALUES ('address:10.9.8.7', 'CONVERSATION', now(), 1000)").update();
		mvc.perform(post("/api/v1/assistant/conversations").header("Accept-Language", "en").with(from("10.9.8.7")))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail")
				.value(containsString("from your network (one address) in this hour (at most 1000)")));
		// Another address is not affected, and an hour later the first may start again.
		mvc.perform(post("/api/v1/assistant/conversations").with(from("10.9.8.8"))).andExpect(status().isCreated());
		db.sql("UPDATE assistant_quota SET window_start = now() - interval '61 minutes' WHERE caller = 'address:10.9.8.7'")
			.update();
		mvc.perform(post("/api/v1/assistant/conversations").with(from("10.9.8.7"))).andExpect(status().isCreated());
		// Callbacks count per signed-in citizen.
		Caller liNa = assistant.citizen("li.na");
		Started c = assistant.start(liNa);
		assertThat(AssistantFixture.state(assistant.say(liNa, c.id(), "人工"))).isEqualTo("CALLBACK_OFFERED");
		db.sql("INSERT INTO assistant_quota VALUES ('citizen:li.na', 'CALLBACK', now(), 200)").update();
		mvc.perform(liNa.on(post("/api/v1/assistant/conversations/" + c.id() + "/callback"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(callback(c, nextWorkingDay() + "T10:30", "13800138000"))).andExpect(status().isTooManyRequests());
		assertThat(db.sql("SELECT count(*) FROM assistant_callback").query(Integer.class).single()).isZero();
	}

	@Test
	void behindOneAddressEachDeviceHasItsOwnLimit() throws Exception {
		// Two kiosks in one hall share the hall's address. The first has used up its own
		// hour, counted by the token
		// of its earlier conversation that it presents.
		String first = token(mvc.perform(post("/api/v1/assistant/conversations").with(from("10.20.0.1")))
			.andExpect(status().isCreated())
			.andReturn());
		String device = db
			.sql("SELECT owner_key FROM assistant_conversation WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
			.param("t", first)
			.query(String.class)
			.single();
		db.sql("INSERT INTO assistant_quota VALUES (:c, 'CONVERSATION', now(), 1000)")
			.param("c", "device:" + device)
			.update();
		mvc.perform(
				post("/api/v1/assistant/conversations").header("X-Conversation-Token", first).with(from("10.20.0.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("最多 1000 个")));
		// The other kiosk, a new device at the same address, is not held back, and its
		// next start is its own device's.
		String second = token(mvc.perform(post("/api/v1/assistant/conversations").with(from("10.20.0.1")))
			.andExpect(status().isCreated())
			.andReturn());
		String next = token(mvc
			.perform(post("/api/v1/assistant/conversations").header("X-Conversation-Token", second)
				.with(from("10.20.0.1")))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(db.sql("""
				SELECT count(DISTINCT owner_key) FROM assistant_conversation
				WHERE token_hash IN (sha256(convert_to(:a, 'UTF8')), sha256(convert_to(:b, 'UTF8')))""")
			.param("a", second)
			.param("b", next)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The address counted every start but the refused one.
		assertThat(
				db.sql("SELECT used FROM assistant_quota WHERE caller = 'address:10.20.0.1' AND kind = 'CONVERSATION'")
					.query(Integer.class)
					.single())
			.isEqualTo(3);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return r -> {
			r.setRemoteAddr(address);
			return r;
		};
	}

	private static String token(org.springframework.test.web.servlet.MvcResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.token");
	}

}
