package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Tickets and today's appointments for the queue tests, on a hall emptied first. */
record QueueFixture(MockMvc mvc, JdbcClient db, Clock clock, String hall, String clerkToken) {

	void clear() {
		db.sql("DELETE FROM queue_ticket WHERE hall = :h").param("h", hall).update();
		db.sql("DELETE FROM queue_number WHERE hall = :h").param("h", hall).update();
		db.sql("DELETE FROM queue_counter_open WHERE hall = :h").param("h", hall).update();
	}

	String service(String group) {
		return db.sql("SELECT min(service_code) FROM appointment_group_matter WHERE hall = :h AND group_code = :g")
			.param("h", hall)
			.param("g", group)
			.query(String.class)
			.single();
	}

	String take(String body) throws Exception {
		return mvc
			.perform(post("/api/v1/halls/" + hall + "/tickets").header("Authorization", "Bearer " + clerkToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String walkIn(String group) throws Exception {
		return JsonPath.read(take("{\"serviceCode\":\"" + service(group) + "\"}"), "$.id");
	}

	String priority(String group) throws Exception {
		return JsonPath.read(take("{\"serviceCode\":\"" + service(group) + "\",\"priorityReason\":\"DISABILITY\"}"),
				"$.id");
	}

	/**
	 * Books a place for today directly (the booking side is another module's), starting
	 * at the given time.
	 */
	String appointment(String citizen, String idNumber, String group, Instant start) {
		Instant end = start.plus(Duration.ofMinutes(15));
		LocalDate day = LocalDate.now(clock);
		long slot = db
			.sql("""
					INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked)
					VALUES (:h, :g, :d, :s, :e, 10, 7, 1) RETURNING id""")
			.param("h", hall)
			.param("g", group)
			.param("d", java.sql.Date.valueOf(day))
			.param("s", Timestamp.from(start.plusMillis(ThreadLocalRandom.current().nextInt(1, 50_000))))
			.param("e", Timestamp.from(end))
			.query(Long.class)
			.single();
		String code = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		db.sql("""
				INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
				  status, booked_at, changed_at, channel)
				VALUES (:id, :code, :c, :n, :slot, :h, :g, :s, :d, 'BOOKED', now(), now(), 'WEB')""")
			.param("id", UUID.randomUUID())
			.param("code", code)
			.param("c", citizen)
			.param("n", idNumber)
			.param("slot", slot)
			.param("h", hall)
			.param("g", group)
			.param("s", service(group))
			.param("d", java.sql.Date.valueOf(day))
			.update();
		return code;
	}

	String checkIn(String code, String group) throws Exception {
		return JsonPath.read(take("{\"serviceCode\":\"" + service(group) + "\",\"bookingCode\":\"" + code + "\"}"),
				"$.id");
	}
}
