package org.onestop.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days (工作日) for every time limit in OneStop: Monday to Friday, except public
 * holidays, plus the weekend days worked in exchange (调休). The exceptions are data in the
 * database, so every node counts alike and a new year's notice is loaded without a
 * release.
 */
@Service
public class WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	/**
	 * Longer than any time limit in the catalog (365 working days), with room for
	 * holidays.
	 */
	private static final int HORIZON_DAYS = 800;

	private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

	private final CalendarStore store;

	private final CalendarMemory memory;

	private final ApplicationEventPublisher events;

	WorkingCalendar(CalendarStore store, CalendarMemory memory, ApplicationEventPublisher events) {
		this.store = store;
		this.memory = memory;
		this.events = events;
	}

	/** A listed day: a public holiday, or a weekend day worked in exchange. */
	public record CalendarDay(LocalDate day, String kind, String name) {
	}

	/** The listed days of a year, in order. */
	public List<CalendarDay> year(int year) {
		return store.listed(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * Sets one day (a new year's notice is loaded day by day); the year then counts as
	 * known.
	 */
	@Transactional
	public void setDay(String actor, LocalDate day, String kind, String name) {
		if (kind == null || !List.of("HOLIDAY", "WORKDAY").contains(kind)) {
			throw new InvalidInputException("kind", "platform.calendar.kind.invalid");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name", "platform.calendar.name.required");
		}
		store.set(day, kind, name.strip());
		store.knowYear(day.getYear(), "administrator");
		events.publishEvent(new CalendarDayChanged(actor, day, kind, name.strip()));
	}

	public boolean isWorkingDay(LocalDate day) {
		return isWorkingDay(day, exceptions(day, day));
	}

	/**
	 * The day that is {@code workingDays} working days after {@code from} ({@code from}
	 * itself not counted): the due date of something received on {@code from} with that
	 * time limit.
	 */
	public LocalDate addWorkingDays(LocalDate from, int workingDays) {
		if (workingDays < 0 || workingDays > 365) {
			throw new IllegalArgumentException("working days out of range: " + workingDays);
		}
		Map<LocalDate, Boolean> exceptions = exceptions(from, from.plusDays(HORIZON_DAYS));
		LocalDate day = from;
		for (int counted = 0; counted < workingDays;) {
			day = day.plusDays(1);
			if (isWorkingDay(day, exceptions)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}; 0 when {@code to}
	 * is not later.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		Map<LocalDate, Boolean> exceptions = exceptions(from, to);
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day, exceptions)) {
				count++;
			}
		}
		return count;
	}

	private static boolean isWorkingDay(LocalDate day, Map<LocalDate, Boolean> exceptions) {
		Boolean working = exceptions.get(day);
		if (working != null) {
			return working;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The listed days in a range, as "is a working day"; warns when the range runs past
	 * the known years.
	 */
	private Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate to) {
		Map<LocalDate, Boolean> exceptions = memory.exceptions(from, to);
		warnAboutUnknownYears(from.getYear(), Math.min(to.getYear(), from.getYear() + 1));
		return exceptions;
	}

	private void warnAboutUnknownYears(int first, int last) {
		Set<Integer> known = memory.knownYears();
		Set<Integer> missing = IntStream.rangeClosed(first, last)
			.boxed()
			.filter(year -> !known.contains(year))
			.collect(Collectors.toSet());
		// Once per year and node is enough for a log line (it is a hint for the operator,
		// not state).
		missing.removeIf(year -> !warnedYears.add(year));
		if (!missing.isEmpty()) {
			log.warn("No public-holiday calendar loaded for {}: counting Monday to Friday as working days. "
					+ "Load the State Council's notice (PUT /api/v1/admin/calendar/{{date}}).", missing);
		}
	}

}
