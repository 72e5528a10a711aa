package org.onestop.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Days are written with their weekday, in the reader's language. */
class ShellDayTests {

	static Shell shell(java.util.Locale locale) {
		return new Shell(locale, false, null, null, "/", null, null, ZoneId.of("Asia/Shanghai"), null, null, null);
	}

	@Test
	void aDayCarriesItsWeekdayInEachLanguage() {
		LocalDate monday = LocalDate.of(2026, 12, 7);
		assertThat(shell(Languages.CHINESE).day(monday)).isEqualTo("12月7日 星期一");
		assertThat(shell(Languages.ENGLISH).day(monday)).isEqualTo("Monday 7 December");
	}

	@Test
	void anInstantIsShownInTheCitysTimeZone() {
		Instant mondayMorning = Instant.parse("2026-12-07T01:30:00Z");
		assertThat(shell(Languages.CHINESE).dayTime(mondayMorning)).isEqualTo("12月7日 星期一 09:30");
		assertThat(shell(Languages.ENGLISH).dayTime(mondayMorning)).isEqualTo("Monday 7 December 09:30");
	}

}
