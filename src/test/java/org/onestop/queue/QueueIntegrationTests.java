package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tickets, calling order, the starvation bound and parallel counters, on a real database.
 */
@IntegrationTest
class QueueIntegrationTests {

	static final String HALL = "HALL-WEST";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	QueueFixture hall;

	String token;

	@BeforeEach
	void emptyHall() throws Exception {
		token = Tokens.of(mvc, "clerk.ps");
		hall = new QueueFixture(mvc, db, clock, HALL, token);
		hall.clear();
	}

	private MockHttpServletResponse callNext(String counter) throws Exception {
		return mvc
			.perform(post("/api/v1/halls/" + HALL + "/counters/" + counter + "/call-next").header("Authorization",
					"Bearer " + token))
			.andReturn()
			.getResponse();
	}

	private String calledId(String counter) throws Exception {
		MockHttpServletResponse response = callNext(counter);
		assertThat(response.getStatus()).isEqualTo(200);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	@Test
	void numbersRunPerGroupPerDayAndWalkInsAreAlwaysGiven() throws Exception {
		assertThat((String) JsonPath.read(hall.take("{\"serviceCode\":\"" + hall.service("A") + "\"}"), "$.number"))
			.isEqualTo("A001");
		assertThat((String) JsonPath.read(hall.take("{\"serviceCode\":\"" + hall.service("B") + "\"}"), "$.number"))
			.isEqualTo("B001");
		String second = hall.take("{\"serviceCode\":\"" + hall.service("A") + "\"}");
		assertThat((String) JsonPath.read(second, "$.number")).isEqualTo("A002");
		assertThat((Integer) JsonPath.read(second, "$.position")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(second, "$.estimatedWaitMinutes")).isPositive();
		assertThat((Boolean) JsonPath.read(second, "$.priority")).isFalse();
		// An elder (70+, from the ID number) is in the green channel without anyone
		// asking.
		String elder = hall.take("{\"serviceCode\":\"" + hall.service("A") + "\",\"idNumber\":\"110108195404123061\"}");
		assertThat((Boolean) JsonPath.read(elder, "$.priority")).isTrue();
		assertThat((String) JsonPath.read(elder, "$.priorityReason")).isEqualTo("AGE_70");
		// Walk-ins do not depend on online capacity: fill every place of today's slots
		// and take another.
		db.sql("UPDATE appointment_slot SET booked = online_capacity WHERE hall = :h AND day = :today")
			.param("h", HALL)
			.param("today", java.sql.Date.valueOf(Tickets.today(clock)))
			.update();
		assertThat((String) JsonPath.read(hall.take("{\"serviceCode\":\"" + hall.service("A") + "\"}"), "$.number"))
			.isEqualTo("A004");
		String id = JsonPath.read(second, "$.id");
		mvc.perform(get("/api/v1/tickets/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value("A002"));
	}

	@Test
	void checkingInTwiceWithOneCodeGivesTheSameTicket() throws Exception {
		String code = hall.appointment("zhao.lei", "110108199511209651", "A",
				clock.instant().minus(Duration.ofMinutes(5)));
		String body = "{\"serviceCode\":\"" + hall.service("A") + "\",\"bookingCode\":\"" + code.toLowerCase() + "\"}";
		String first = hall.take(body);
		String again = hall.take(body);
		assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
		assertThat((String) JsonPath.read(again, "$.number")).isEqualTo(JsonPath.read(first, "$.number"));
		assertThat(db.sql("SELECT count(*) FROM queue_ticket WHERE hall = :h")
			.param("h", HALL)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anIdNumberChecksInAnyAppointmentOfTheGroupAndAWaitingTicketCannotBeANoShow() throws Exception {
		String code = hall.appointment("li.na", "110106198806158882", "A",
				clock.instant().minus(Duration.ofMinutes(5)));
		db.sql("UPDATE appointment SET service_code = 'PS-ID-001' WHERE booking_code = :c").param("c", code).update();
		String other = hall.service("A");
		assertThat(other).isNotEqualTo("PS-ID-001");
		// The kiosk asks for the group (sending its first matter); the appointment is for
		// another matter of the group.
		String ticket = hall.take("{\"serviceCode\":\"" + other + "\",\"idNumber\":\"110106198806158882\"}");
		assertThat((String) JsonPath.read(ticket, "$.kind")).isEqualTo("APPOINTMENT");
		assertThat((String) JsonPath.read(ticket, "$.serviceCode")).isEqualTo("PS-ID-001");
		// Nobody may be marked absent before being called.
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets/" + JsonPath.read(ticket, "$.id") + "/no-show")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.ps"))).andExpect(status().isConflict());
		// The public ticket page says it is a priority ticket or not, never why.
		String priority = hall.priority("A");
		mvc.perform(get("/api/v1/tickets/" + priority))
			.andExpect(jsonPath("$.priority").value(true))
			.andExpect(jsonPath("$.priorityReason").doesNotExist());
	}

	@Test
	void callsAppointmentsInTheirWindowThenTheGreenChannelThenArrivalOrder() throws Exception {
		String plain = hall.walkIn("A");
		String green = hall.priority("A");
		String early = hall.checkIn(
				hall.appointment("li.na", "110106198806158882", "A", clock.instant().plus(Duration.ofHours(3))), "A");
		String due = hall.checkIn(
				hall.appointment("zhao.lei", "110108199511209651", "A", clock.instant().minus(Duration.ofMinutes(5))),
				"A");
		assertThat(List.of(calledId("1"), calledId("1"), calledId("1"), calledId("1"))).containsExactly(due, green,
				plain, early);
		assertThat(callNext("1").getStatus()).isEqualTo(204);
	}

	@Test
	void aPlainTicketIsPassedOverAtMostMaxSkipsTimes() throws Exception {
		assertThat(db.sql("SELECT max_skips FROM appointment_service_hall WHERE code = :h")
			.param("h", HALL)
			.query(Integer.class)
			.single()).isEqualTo(3);
		String plain = hall.walkIn("A");
		List<String> green = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			green.add(hall.priority("A"));
		}
		List<String> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(calledId("1"));
		}
		assertThat(calls.indexOf(plain)).isEqualTo(3);
		assertThat(calls.subList(0, 3)).containsExactlyElementsOf(green.subList(0, 3));
	}

	@Test
	void twoCountersCallingInParallelNeverGetTheSameTicket() throws Exception {
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			tickets.add(hall.walkIn("A"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String counter = i % 2 == 0 ? "1" : "2";
				calls.add(() -> callNext(counter));
			}
			List<String> called = new ArrayList<>();
			int empty = 0;
			for (Future<MockHttpServletResponse> f : pool.invokeAll(calls)) {
				MockHttpServletResponse response = f.get();
				if (response.getStatus() == 204) {
					empty++;
				}
				else {
					assertThat(response.getStatus()).isEqualTo(200);
					called.add(JsonPath.read(response.getContentAsString(), "$.id"));
				}
			}
			assertThat(called).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tickets);
			assertThat(empty).isEqualTo(10);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void onlyClerksOfTheHallMayCallAndUnknownTicketsAreNotFound() throws Exception {
		db.sql("DELETE FROM appointment_hall_staff WHERE hall = :h AND username = 'clerk.hr'")
			.param("h", HALL)
			.update();
		try {
			String other = Tokens.of(mvc, "clerk.hr");
			mvc.perform(
					post("/api/v1/halls/" + HALL + "/counters/1/call-next").header("Authorization", "Bearer " + other))
				.andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Bearer " + other)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"" + hall.service("A") + "\"}")).andExpect(status().isForbidden());
		}
		finally {
			db.sql("INSERT INTO appointment_hall_staff (hall, username) VALUES (:h, 'clerk.hr')")
				.param("h", HALL)
				.update();
		}
		String reviewer = Tokens.of(mvc, "reviewer.ps");
		mvc.perform(
				post("/api/v1/halls/" + HALL + "/counters/1/call-next").header("Authorization", "Bearer " + reviewer))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"" + hall.service("A") + "\"}")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/tickets/" + UUID.randomUUID())).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets/" + UUID.randomUUID() + "/complete")
			.header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/halls/" + HALL + "/counters/99/call-next").header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCitizenIsToldOnceWhenThreeAway() throws Exception {
		for (int i = 0; i < 5; i++) {
			hall.walkIn("A");
		}
		String mine = hall.checkIn(
				hall.appointment("li.na", "110106198806158882", "A", clock.instant().plus(Duration.ofHours(4))), "A");
		calledId("1");
		calledId("1");
		assertThat(notices(mine)).isZero();
		calledId("2");
		assertThat(notices(mine)).isEqualTo(1);
		calledId("2");
		assertThat(notices(mine)).isEqualTo(1);
		mvc.perform(get("/api/v1/tickets/" + mine)).andExpect(jsonPath("$.position").value(2));
	}

	private int notices(String ticket) {
		return db.sql(
				"SELECT count(*) FROM notification WHERE recipient = 'li.na' AND kind = 'QUEUE_NEAR_FRONT' AND link = :l")
			.param("l", "/tickets/" + ticket)
			.query(Integer.class)
			.single();
	}

	@Test
	void completingRecordsTheServiceTimeAndTheAppointment() throws Exception {
		String code = hall.appointment("zhao.lei", "110108199511209651", "A", clock.instant());
		String ticket = hall.checkIn(code, "A");
		assertThat(calledId("1")).isEqualTo(ticket);
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets/" + ticket + "/recall").header("Authorization",
				"Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CALLED"));
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets/" + ticket + "/complete").header("Authorization",
				"Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
		assertThat(db.sql("SELECT status FROM appointment WHERE booking_code = :c")
			.param("c", code)
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
		String other = hall.walkIn("A");
		calledId("1");
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets/" + other + "/transfer")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"group\":\"B\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.group").value("B"))
			.andExpect(jsonPath("$.status").value("WAITING"));
		assertThat(calledId("4")).isEqualTo(other);
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets/" + other + "/no-show").header("Authorization",
				"Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NO_SHOW"));
	}

	@Test
	void theBoardIsPublicAndStreamsEvents() throws Exception {
		hall.walkIn("A");
		calledId("1");
		mvc.perform(get("/halls/" + HALL + "/board"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("A001")));
		mvc.perform(get("/halls/" + HALL + "/board/events").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Type", org.hamcrest.Matchers.startsWith("text/event-stream")));
	}

	@Test
	void aRegisteredKioskTakesTicketsWithItsToken() throws Exception {
		String admin = Tokens.of(mvc, "admin");
		String body = mvc
			.perform(post("/api/v1/admin/halls/" + HALL + "/kiosks").header("Authorization", "Bearer " + admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Entrance kiosk\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String kiosk = JsonPath.read(body, "$.token");
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"" + hall.service("C") + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value("C001"));
		mvc.perform(post("/api/v1/halls/HALL-EAST/tickets").header("Authorization", "Kiosk " + kiosk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"" + hall.service("C") + "\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"" + hall.service("C") + "\",\"priorityReason\":\"DISABILITY\"}"))
			.andExpect(status().isForbidden());
		assertThat(db.sql("SELECT count(*) FROM queue_kiosk WHERE token_sha256 = convert_to(:t, 'UTF8')")
			.param("t", kiosk)
			.query(Integer.class)
			.single()).isZero();
		// Appointments are in a person's name: at a kiosk the code needs the end of the
		// holder's ID number.
		String code = hall.appointment("li.na", "110106198806158882", "A",
				clock.instant().minus(Duration.ofMinutes(5)));
		String service = hall.service("A");
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"" + service + "\",\"bookingCode\":\"" + code + "\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"serviceCode\":\"" + service + "\",\"bookingCode\":\"" + code + "\",\"idLastDigits\":\"1234\"}"))
			.andExpect(status().isNotFound());
		// An ID number typed at a kiosk does not check anybody's appointment in.
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"" + service + "\",\"idNumber\":\"110106198806158882\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("WALK_IN"));
		mvc.perform(
				post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"serviceCode\":\"" + service + "\",\"bookingCode\":\"" + code
							+ "\",\"idLastDigits\":\"8882\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("APPOINTMENT"));
	}

}
