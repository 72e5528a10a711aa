package org.onestop.application;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The promised time's two timer moments and the restarted clock, without Spring: a
 * calendar of Monday to Friday (plus the holidays a test names) in Shanghai's time zone.
 */
class DeadlinesTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkingCalendar calendar = mock(WorkingCalendar.class);

	private Deadlines at(String now, LocalDate... holidays) {
		Set<LocalDate> off = Set.of(holidays);
		willAnswer(call -> {
			LocalDate day = call.getArgument(0);
			return !off.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
					&& day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}).given(calendar).isWorkingDay(any());
		return new Deadlines(calendar, Clock.fixed(Instant.parse(now), ZoneId.of("UTC")),
				new PlatformProperties(Path.of("unused"), SHANGHAI, new PlatformProperties.Db(null, "postgres", null),
						65536, URI.create("http://localhost:8080")));
	}

	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
	}

	@Test
	void todayIsTheCitysDateNotUtcs() {
		// 17:00 UTC is already 01:00 the next day in Shanghai.
		assertThat(at("2026-12-04T17:00:00Z").today()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(at("2026-12-04T15:59:59Z").today()).isEqualTo(LocalDate.of(2026, 12, 4));
	}

	@Test
	void aTaskIsOverdueFromTheStartOfTheDayAfterItsDueDateInTheCity() {
		assertThat(at("2026-12-01T00:00:00Z").overdueAt(LocalDate.of(2026, 12, 9)))
			.isEqualTo(local("2026-12-10T00:00"));
	}

	@Test
	void theWarningComesAtNineOnTheLastWorkingDayBeforeTheDueDate() {
		// Due Wednesday: warned Tuesday.
		assertThat(at("2026-12-01T00:00:00Z").warnAt(LocalDate.of(2026, 12, 9))).isEqualTo(local("2026-12-08T09:00"));
		// Due Monday: warned the Friday before, not on the weekend.
		assertThat(at("2026-12-01T00:00:00Z").warnAt(LocalDate.of(2026, 12, 7))).isEqualTo(local("2026-12-04T09:00"));
		// Due the day after a holiday: warned the working day before the holiday.
		assertThat(at("2026-12-01T00:00:00Z", LocalDate.of(2026, 12, 8)).warnAt(LocalDate.of(2026, 12, 9)))
			.isEqualTo(local("2026-12-07T09:00"));
	}

	@Test
	void aCalendarWithoutWorkingDaysStopsLookingThirtyDaysBack() {
		willReturn(false).given(calendar).isWorkingDay(any());
		Deadlines deadlines = new Deadlines(calendar, Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), SHANGHAI),
				new PlatformProperties(Path.of("unused"), SHANGHAI, new PlatformProperties.Db(null, "postgres", null),
						65536, URI.create("http://localhost:8080")));
		assertThat(deadlines.warnAt(LocalDate.of(2026, 12, 9))).isEqualTo(local("2026-11-09T09:00"));
	}

	@Test
	void tooLateForTheUsualWarningItComesHalfWayToTheDeadline() {
		// Due today (Friday), 10:00 now: Thursday 09:00 has passed; overdue at Saturday
		// 00:00, 14 hours away, so warned in 7.
		Deadlines deadlines = at(local("2026-12-04T10:00").toString());
		assertThat(deadlines.warnAt(LocalDate.of(2026, 12, 4))).isEqualTo(local("2026-12-04T17:00"));
		// Exactly at the usual moment is too late as well.
		Deadlines atNine = at(local("2026-12-03T09:00").toString());
		// Overdue 39 hours later (Saturday 00:00): warned 19 hours 30 minutes later.
		assertThat(atNine.warnAt(LocalDate.of(2026, 12, 4))).isEqualTo(local("2026-12-04T04:30"));
	}

	@Test
	void pastTheDeadlineTheWarningIsNow() {
		Instant now = local("2026-12-04T10:00");
		assertThat(at(now.toString()).warnAt(LocalDate.of(2026, 12, 2))).isEqualTo(now);
	}

	@Test
	void theDueDateMovesByTheWorkingDaysTheCitizenHadTheApplication() {
		Deadlines deadlines = at("2026-12-04T02:00:00Z");
		LocalDate due = LocalDate.of(2026, 12, 9);
		LocalDate stopped = LocalDate.of(2026, 12, 1);
		given(calendar.workingDaysBetween(stopped, LocalDate.of(2026, 12, 4))).willReturn(3);
		given(calendar.addWorkingDays(due, 3)).willReturn(LocalDate.of(2026, 12, 14));
		assertThat(deadlines.restarted(due, stopped)).isEqualTo(LocalDate.of(2026, 12, 14));
		assertThat(deadlines.workingDaysSince(stopped)).isEqualTo(3);
	}

	@Test
	void aClockStoppedAndRestartedTheSameDayLeavesTheDueDate() {
		Deadlines deadlines = at("2026-12-04T02:00:00Z");
		LocalDate due = LocalDate.of(2026, 12, 9);
		given(calendar.workingDaysBetween(any(), any())).willReturn(0);
		assertThat(deadlines.restarted(due, LocalDate.of(2026, 12, 4))).isEqualTo(due);
		verify(calendar, never()).addWorkingDays(any(), anyInt());
	}

}
