package org.onestop.appointment.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Representation;
import org.onestop.platform.WorkingCalendar;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every appointment records the channel it was booked through: the citizen's phone or
 * computer, told by the request; a representative's booking is DELEGATED.
 */
@IntegrationTest
class BookingChannelIntegrationTests {

	static final String PHONE = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/120.0.0.0 Mobile Safari/537.36";

	static final String COMPUTER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.1 Safari/605.1.15";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Booking booking;

	@Autowired
	Halls halls;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void onAWorkingMorning() {
		clock.moveToLatestWorkingMorning(calendar);
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	@Test
	void anOnlineBookingRecordsThePhoneOrTheComputer() throws Exception {
		List<Slot> slots = openDay("HALL-EAST", "PS-DL-001", 3);
		assertThat(channelOf(book(PHONE, slots.get(0)))).isEqualTo("MOBILE_WEB");
		assertThat(channelOf(book(COMPUTER, slots.get(1)))).isEqualTo("WEB");
		// The client hint decides when the browser sends it.
		String hinted = JsonPath.read(mvc
			.perform(post("/api/v1/appointments")
				.header("Authorization", accounts.register(residents.aged(30).create()).authorization())
				.header("User-Agent", COMPUTER)
				.header("Sec-CH-UA-Mobile", "?1")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slotId\":" + slots.get(2).id() + ",\"serviceCode\":\"PS-DL-001\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		assertThat(channelOf(hinted)).isEqualTo("MOBILE_WEB");
	}

	@Test
	void aRepresentativesBookingIsDelegated() {
		List<Slot> slots = openDay("HALL-EAST", "PS-DL-001", 1);
		Resident grantor = residents.aged(80).create();
		Resident daughter = residents.aged(50).create();
		OneStopUser actedFor = new OneStopUser(grantor.username(), grantor.name(), false, grantor.idNumber().value(),
				null, Set.of())
			.actedForBy(new Representation(daughter.username(), daughter.name(), daughter.idNumber().value(),
					Representation.Kind.MANDATE, UUID.randomUUID(), Set.of()));
		UUID id = booking.book(actedFor, slots.get(0).id(), "PS-DL-001", null, ContactChannel.MOBILE_WEB).id();
		assertThat(channelOf(id.toString())).isEqualTo("DELEGATED");
	}

	private String book(String userAgent, Slot slot) throws Exception {
		String body = mvc
			.perform(post("/api/v1/appointments")
				.header("Authorization", accounts.register(residents.aged(30).create()).authorization())
				.header("User-Agent", userAgent)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slotId\":" + slot.id() + ",\"serviceCode\":\"PS-DL-001\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private String channelOf(String appointment) {
		return db.sql("SELECT channel FROM appointment WHERE id = :id")
			.param("id", UUID.fromString(appointment))
			.query(String.class)
			.single();
	}

	private List<Slot> openDay(String hall, String serviceCode, int atLeast) {
		LocalDate today = booking.today();
		for (int d = 0; d <= halls.layout(hall).bookingDaysAhead(); d++) {
			List<Slot> slots = booking.slots(hall, serviceCode, today.plusDays(d))
				.stream()
				.filter(s -> s.booked() < s.onlineCapacity())
				.toList();
			if (slots.size() >= atLeast) {
				return slots;
			}
		}
		throw new AssertionError("no day with " + atLeast + " free slots of " + serviceCode + " at " + hall);
	}

}
