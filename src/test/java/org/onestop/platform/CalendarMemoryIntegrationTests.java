package org.onestop.platform;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar is held in memory, yet a change written by another node (here: straight
 * into the table, as that node's transaction would) moves due dates once the poll has
 * run.
 */
@IntegrationTest
class CalendarMemoryIntegrationTests {

	static final LocalDate THURSDAY = LocalDate.of(2031, 3, 13);

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	CalendarMemory memory;

	@Autowired
	JdbcClient db;

	@Test
	void aHolidayListedOnAnotherNodeMovesTheDueDate() {
		memory.sync();
		assertThat(calendar.addWorkingDays(THURSDAY, 1)).isEqualTo(THURSDAY.plusDays(1));
		try {
			db.sql("INSERT INTO platform_calendar_day (day, kind, name) VALUES (:day, 'HOLIDAY', 'test holiday')")
				.param("day", java.sql.Date.valueOf(THURSDAY.plusDays(1)))
				.update();
			memory.sync();
			// Friday off: one working day after Thursday is the Monday.
			assertThat(calendar.addWorkingDays(THURSDAY, 1)).isEqualTo(THURSDAY.plusDays(4));
			assertThat(calendar.isWorkingDay(THURSDAY.plusDays(1))).isFalse();
		}
		finally {
			db.sql("DELETE FROM platform_calendar_day WHERE day = :day")
				.param("day", java.sql.Date.valueOf(THURSDAY.plusDays(1)))
				.update();
			memory.sync();
		}
		assertThat(calendar.addWorkingDays(THURSDAY, 1)).isEqualTo(THURSDAY.plusDays(1));
	}

}
