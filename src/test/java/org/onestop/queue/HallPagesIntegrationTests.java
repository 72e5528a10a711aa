package org.onestop.queue;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public hall pages: address, hours per weekday, today's hours from the working
 * calendar, directions in the reader's language, and the waits per group. No sign-in.
 */
@IntegrationTest
class HallPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	@Test
	void everyHallIsListedForAnyone() throws Exception {
		mvc.perform(get("/halls"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/halls/HALL-CITY\">市政务服务中心</a>")))
			.andExpect(content().string(containsString("北京市东城区东四十条36号")))
			.andExpect(content().string(containsString("海淀区政务服务中心")));
		mvc.perform(get("/halls?lang=en"))
			.andExpect(content().string(containsString(">City Government Service Center</a>")));
	}

	@Test
	void aHallShowsItsAddressHoursDirectionsAndWaits() throws Exception {
		clock.moveToMorningOf(LocalDate.of(2026, 12, 2));
		mvc.perform(get("/halls/HALL-CITY"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("北京市丰台区西三环南路1号")))
			.andExpect(content().string(containsString("星期六</dt>")))
			.andExpect(content().string(containsString("09:00–12:00")))
			.andExpect(content().string(containsString("地铁10号线丰台站")))
			.andExpect(content().string(containsString("data-testid=\"hall-waits\"")))
			.andExpect(content().string(containsString("户籍和身份证")))
			.andExpect(content().string(containsString("今天开放")))
			.andExpect(content().string(not(containsString("HALL-CITY ·"))));
		mvc.perform(get("/halls/HALL-CITY?lang=en"))
			.andExpect(content().string(containsString("1 Xisanhuan South Road")))
			.andExpect(content().string(containsString("Metro Line 10 to Fengtai Station")))
			.andExpect(content().string(containsString("Sunday</dt>")))
			.andExpect(content().string(containsString("Household registration and ID")));
		mvc.perform(get("/halls/NO-SUCH-HALL")).andExpect(status().isNotFound());
	}

	@Test
	void todayComesFromTheWorkingCalendar() throws Exception {
		clock.moveToMorningOf(LocalDate.of(2026, 10, 1));
		mvc.perform(get("/halls/HALL-EAST"))
			.andExpect(content().string(containsString("今天不开放")))
			.andExpect(content().string(containsString("今天是法定节假日")));
		// A Sunday worked in exchange opens with Monday's hours.
		clock.moveToMorningOf(LocalDate.of(2026, 9, 20));
		mvc.perform(get("/halls/HALL-WEST?lang=en"))
			.andExpect(content().string(containsString("Open today")))
			.andExpect(content().string(containsString("08:30–17:30")))
			.andExpect(content().string(containsString("worked in exchange")));
	}

}
