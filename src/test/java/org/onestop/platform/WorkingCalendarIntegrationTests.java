package org.onestop.platform;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Working days with the 2026 holidays and make-up days, as the State Council set them.
 */
@IntegrationTest
class WorkingCalendarIntegrationTests {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Test
	void holidaysAreNotWorkingDaysAndMakeUpWeekendsAre() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // National
																				// Day, a
																				// Thursday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // Saturday,
																				// make-up
																				// day
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue(); // Sunday,
																				// make-up
																				// day
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // an
																					// ordinary
																					// Saturday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue(); // an
																				// ordinary
																				// Monday
	}

	@Test
	void dueDatesSkipHolidaysAndCountMakeUpDays() {
		// Received on 30 September: 1–7 October are holidays, so one working day later is
		// 8 October.
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
		// Received on 30 April: 1–5 May off, then 6, 7, 8, Saturday 9 (make-up) and
		// Monday 11 May.
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 30), 5)).isEqualTo(LocalDate.of(2026, 5, 11));
		// Received on Friday 13 February: Saturday 14 February is worked.
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 27), 0)).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 1), -1));
	}

	@Test
	void countsWorkingDaysBetweenTwoDates() {
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 9))).isEqualTo(2);
		// Saturday 10 October is a make-up working day.
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3);
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 1))).isZero();
	}

	@Test
	void theYearIsPublishedAndAdministratorsLoadTheNextOne() throws Exception {
		mvc.perform(get("/api/v1/calendar/2026"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(39))
			.andExpect(jsonPath("$[0].day").value("2026-01-01"));
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(put("/api/v1/admin/calendar/2027-01-01").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"HOLIDAY\",\"name\":\"元旦 New Year's Day\"}")).andExpect(status().isNoContent());
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
		mvc.perform(put("/api/v1/admin/calendar/2027-01-02").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"DAY_OFF\",\"name\":\"\"}")).andExpect(status().isBadRequest());
		mvc.perform(
				put("/api/v1/admin/calendar/2027-01-02").header("Authorization", "Bearer " + Tokens.of(mvc, "editor"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"kind\":\"HOLIDAY\",\"name\":\"x\"}"))
			.andExpect(status().isForbidden());
		assertThat(db.sql("SELECT actor FROM audit_entry WHERE subject = 'calendar:2027-01-01'")
			.query(String.class)
			.single()).isEqualTo("admin");
	}

}
