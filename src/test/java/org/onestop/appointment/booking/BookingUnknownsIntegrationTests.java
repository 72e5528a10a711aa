package org.onestop.appointment.booking;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What booking answers about things that do not exist: a matter the hall does not serve
 * and a slot that is not there are the caller's input (400, naming the field), an
 * appointment that is not the citizen's is not found (404); problem details each time,
 * never a 500.
 */
@IntegrationTest
class BookingUnknownsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Test
	void aMatterTheHallDoesNotServeIsTheCallersMistake() throws Exception {
		mvc.perform(get("/api/v1/halls/HALL-CITY/slots").param("serviceCode", "NO-SUCH-001")
			.param("date", "2026-12-01")
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("serviceCode"));
	}

	@Test
	void aSlotThatIsNotThereIsTheCallersMistake() throws Exception {
		String citizen = accounts.register(residents.aged(30).create()).authorization();
		mvc.perform(post("/api/v1/appointments").header("Authorization", citizen)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + Long.MAX_VALUE + ",\"serviceCode\":\"PS-ID-001\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("slotId"));
	}

	@Test
	void anAppointmentThatIsNotThereIsNotFound() throws Exception {
		String citizen = accounts.register(residents.aged(30).create()).authorization();
		String nowhere = "/api/v1/appointments/" + UUID.randomUUID();
		mvc.perform(post(nowhere + "/reschedule").header("Authorization", citizen)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":1}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(delete(nowhere).header("Authorization", citizen))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
