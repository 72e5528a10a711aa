package org.onestop.appointment.booking;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.appointment.Halls;
import org.onestop.platform.Tokens;
import org.onestop.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may change what in booking: a head of department changes only the capacity of
 * groups that serve their own department's matters alone, and a booking names only the
 * citizen's own application.
 */
@IntegrationTest
class BookingAuthorizationIntegrationTests {

	private static final String MARRIAGE = "CA-MAR-001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Booking booking;

	private final LocalDate farDay = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(200);

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Halls halls;

	/**
	 * A working morning, so that the booking window holds a free slot whatever the real
	 * date (it once looked six days ahead, all holidays in early October).
	 */
	@BeforeEach
	void onAWorkingMorning() {
		clock.moveToLatestWorkingMorning(calendar);
	}

	@AfterEach
	void tearDown() {
		clock.reset();
		db.sql("DELETE FROM appointment_capacity_change WHERE day = :d").param("d", Date.valueOf(farDay)).update();
		db.sql("DELETE FROM appointment_slot WHERE hall = 'HALL-CITY' AND group_code = 'Y'").update();
		db.sql("DELETE FROM appointment_group_matter WHERE hall = 'HALL-CITY' AND group_code = 'Y'").update();
		db.sql("DELETE FROM appointment_group WHERE hall = 'HALL-CITY' AND code = 'Y'").update();
		db.sql("DELETE FROM application WHERE explanation = 'booking ownership test'").update();
	}

	@Test
	void aHeadOfDepartmentChangesOnlyTheCapacityOfTheirDepartmentsOwnGroups() throws Exception {
		// Marriage registration (civil affairs) gets a group of its own at the city hall.
		mvc.perform(as("admin", put("/api/v1/admin/halls/HALL-CITY/groups/Y")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameZh\":\"婚姻登记\",\"nameEn\":\"Marriage\",\"serviceMinutes\":20,\"serviceCodes\":[\""
					+ MARRIAGE + "\"]}"))
			.andExpect(status().isOk());
		mvc.perform(capacity("head.civil", "Y")).andExpect(status().isNoContent());
		// Group C serves civil affairs and health matters; group A the police's; the
		// hotline's head has no group.
		mvc.perform(capacity("head.civil", "C"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("无权操作"))
			.andExpect(jsonPath("$.detail").value(containsString("C 组")));
		mvc.perform(capacity("head.civil", "A").header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("group A at HALL-CITY")));
		mvc.perform(capacity("head.hotline", "Y")).andExpect(status().isForbidden());
		assertThat(db.sql("""
				SELECT count(*) FROM appointment_capacity_change WHERE day = :d AND changed_by <> 'admin'""")
			.param("d", Date.valueOf(farDay))
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The administrator changes any group.
		mvc.perform(capacity("admin", "C")).andExpect(status().isNoContent());
	}

	@Test
	void aBookingNamesOnlyTheCitizensOwnApplication() throws Exception {
		UUID hers = application("li.na", "110106198806158882", "李娜");
		UUID his = application("zhao.lei", "110108199511209651", "赵磊");
		long slot = freeSlot("HALL-EAST", "CA-ELD-001");
		mvc.perform(book(slot, his))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("在您的申请中找不到这份申请，请检查申请编号"));
		mvc.perform(book(slot, UUID.randomUUID()).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("This application is not among yours: check its number"));
		assertThat(db.sql("SELECT count(*) FROM appointment WHERE application_id = :a")
			.param("a", his)
			.query(Integer.class)
			.single()).isZero();
		String booked = mvc.perform(book(slot, hers))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applicationId").value(hers.toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(as("li.na", delete("/api/v1/appointments/" + JsonPath.read(booked, "$.id"))))
			.andExpect(status().isNoContent());
	}

	private MockHttpServletRequestBuilder capacity(String who, String group) throws Exception {
		return as(who, put("/api/v1/halls/HALL-CITY/capacity/" + farDay)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"group\":\"" + group + "\",\"countersDelta\":1,\"reason\":\"月初高峰\"}");
	}

	private MockHttpServletRequestBuilder book(long slot, UUID application) throws Exception {
		return as("li.na", post("/api/v1/appointments")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + slot + ",\"serviceCode\":\"CA-ELD-001\",\"applicationId\":\"" + application
					+ "\"}");
	}

	private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", "Bearer " + Tokens.of(mvc, who));
	}

	private long freeSlot(String hall, String service) {
		LocalDate today = booking.today();
		for (int d = 0; d <= halls.layout(hall).bookingDaysAhead(); d++) {
			List<Slot> slots = booking.slots(hall, service, today.plusDays(d));
			for (Slot s : slots) {
				if (s.remaining() > 0) {
					return s.id();
				}
			}
		}
		throw new AssertionError("no free slot within the booking window");
	}

	private UUID application(String applicant, String idNumber, String name) {
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
				  form_revision, department, status, explanation, created_at, updated_at, submitted_at)
				VALUES (:id, :a, :idn, :n, 'CA-ELD-001', 1, 1, 'CA', 'IN_REVIEW', 'booking ownership test', now(), now(), now())""")
			.param("id", id)
			.param("a", applicant)
			.param("idn", idNumber)
			.param("n", name)
			.update();
		return id;
	}

}
