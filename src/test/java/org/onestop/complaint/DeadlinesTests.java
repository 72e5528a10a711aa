package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The clock arithmetic on its own: tiers, working days with a holiday and a make-up
 * Saturday, warnings and escalations, and the 2-working-hour return window across a night
 * and a weekend.
 */
class DeadlinesTests {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	// 2026-10-01..07 National Day holidays; Saturday 2026-10-10 a make-up working day.
	private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
			LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));

	private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2026, 10, 10);

	private final Deadlines deadlines = new Deadlines(DeadlinesTests::workingDay, CITY, LocalTime.of(9, 0),
			LocalTime.of(17, 30));

	private static boolean workingDay(LocalDate day) {
		if (day.equals(MAKE_UP_SATURDAY)) {
			return true;
		}
		return !HOLIDAYS.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
				&& day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	private static Instant at(int month, int day, int hour, int minute) {
		return LocalDateTime.of(2026, month, day, hour, minute).atZone(CITY).toInstant();
	}

	@Test
	void emergenciesAndUtilitiesCountHoursOnTheClockEvenOnHolidays() {
		Instant received = at(10, 1, 22, 15);
		assertThat(deadlines.replyDue(UrgencyTier.EMERGENCY_2H, received)).isEqualTo(at(10, 2, 0, 15));
		assertThat(deadlines.replyDue(UrgencyTier.UTILITIES_24H, received)).isEqualTo(at(10, 2, 22, 15));
	}

	@Test
	void generalComplaintsAreDueAtCloseOfTheSeventhWorkingDay() {
		// Received Wednesday 30 September: 8, 9, 10 (make-up Saturday), 12, 13, 14, 15.
		assertThat(deadlines.replyDue(UrgencyTier.GENERAL_7D, at(9, 30, 10, 0))).isEqualTo(at(10, 15, 17, 30));
		// An ordinary week: received Monday 2 November, due Wednesday 11 November.
		assertThat(deadlines.replyDue(UrgencyTier.GENERAL_7D, at(11, 2, 9, 0))).isEqualTo(at(11, 11, 17, 30));
		assertThat(deadlines.replyDue(UrgencyTier.COMPLEX_15D, at(11, 2, 9, 0))).isEqualTo(at(11, 23, 17, 30));
	}

	@Test
	void firstContactIsDueIn24HoursExceptWhereHandlingIsTheContact() {
		Instant received = at(11, 6, 16, 0);
		assertThat(deadlines.contactDue(UrgencyTier.GENERAL_7D, received)).isEqualTo(at(11, 7, 16, 0));
		assertThat(deadlines.contactDue(UrgencyTier.EMERGENCY_2H, received)).isEqualTo(at(11, 6, 18, 0));
	}

	@Test
	void warningAtThreeQuartersAndEscalationHalfAgainAfterTheDueDate() {
		Instant start = at(11, 2, 8, 0);
		Instant due = start.plus(Duration.ofHours(24));
		assertThat(deadlines.warnAt(start, due)).isEqualTo(start.plus(Duration.ofHours(18)));
		assertThat(deadlines.escalateAt(start, due)).isEqualTo(due.plus(Duration.ofHours(12)));
	}

	@Test
	void theReturnWindowCountsOnlyOfficeHoursOnWorkingDays() {
		// Inside office hours: two hours on.
		assertThat(deadlines.afterWorkingTime(at(11, 2, 10, 0), Duration.ofHours(2))).isEqualTo(at(11, 2, 12, 0));
		// Friday 16:30: one hour on Friday, one from Monday's opening.
		assertThat(deadlines.afterWorkingTime(at(11, 6, 16, 30), Duration.ofHours(2))).isEqualTo(at(11, 9, 10, 0));
		// Dispatched at night before a holiday week: the window opens on the next working
		// day.
		assertThat(deadlines.afterWorkingTime(at(9, 30, 23, 0), Duration.ofHours(2))).isEqualTo(at(10, 8, 11, 0));
		// Before opening on the make-up Saturday.
		assertThat(deadlines.afterWorkingTime(at(10, 10, 7, 0), Duration.ofHours(2))).isEqualTo(at(10, 10, 11, 0));
	}

}
