package org.onestop.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.onestop.platform.PlatformProperties;
import org.onestop.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The promised time (承诺时限) in working days, and the two moments the process's timers act
 * on: a warning on the morning of the last working day before the due date, and
 * escalation when the due date has passed.
 */
@Component
class Deadlines {

	private static final LocalTime WARNING_TIME = LocalTime.of(9, 0);

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final ZoneId zone;

	Deadlines(WorkingCalendar calendar, Clock clock, PlatformProperties properties) {
		this.calendar = calendar;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	ZoneId zone() {
		return zone;
	}

	int workingDaysSince(LocalDate from) {
		return calendar.workingDaysBetween(from, today());
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * The moment a task due on {@code due} is overdue: the start of the next day in the
	 * city.
	 */
	Instant overdueAt(LocalDate due) {
		return due.plusDays(1).atStartOfDay(zone).toInstant();
	}

	Instant warnAt(LocalDate due) {
		LocalDate day = due.minusDays(1);
		while (!calendar.isWorkingDay(day) && day.isAfter(due.minusDays(30))) {
			day = day.minusDays(1);
		}
		Instant warn = day.atTime(WARNING_TIME).atZone(zone).toInstant();
		Instant now = clock.instant();
		Instant overdue = overdueAt(due);
		if (!warn.isAfter(now)) {
			// Too late for the usual warning (a short time limit): warn half-way to the
			// deadline instead.
			warn = overdue.isAfter(now) ? now.plus(Duration.between(now, overdue).dividedBy(2)) : now;
		}
		return warn;
	}

	/**
	 * The due date once the clock restarts: moved by the working days the citizen had the
	 * application.
	 */
	LocalDate restarted(LocalDate due, LocalDate stoppedOn) {
		int paused = calendar.workingDaysBetween(stoppedOn, today());
		return paused == 0 ? due : calendar.addWorkingDays(due, paused);
	}

}
