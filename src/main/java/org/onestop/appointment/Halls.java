package org.onestop.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.onestop.appointment.hall.HallDirectory;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.WorkingCalendar;
import org.springframework.stereotype.Service;

/**
 * The halls' layout and opening days. Layouts come from this node's cache, which follows
 * the database's layout version, so a change on any node is seen within seconds; the
 * working calendar is read each time.
 */
@Service
public class Halls {

	private final HallDirectory directory;

	private final WorkingCalendar calendar;

	Halls(HallDirectory directory, WorkingCalendar calendar) {
		this.directory = directory;
		this.calendar = calendar;
	}

	/** Opening hours on one day. */
	public record Hours(LocalTime opens, LocalTime closes) {
	}

	public List<String> codes() {
		return directory.codes();
	}

	public HallLayout layout(String hall) {
		return find(hall).orElseThrow(() -> new NotFoundException("appointment.hall.not-found"));
	}

	public Optional<HallLayout> find(String hall) {
		return directory.layout(hall);
	}

	/** Whether this person may work the counters of this hall. */
	public boolean worksAt(String username, String hall) {
		return directory.worksAt(username, hall);
	}

	/** Whether this person works the counters of any hall (hall staff). */
	public boolean worksAtAHall(String username) {
		return username != null && codes().stream().anyMatch(hall -> worksAt(username, hall));
	}

	/**
	 * Whether this person works at a hall one of whose matter groups serves the matter.
	 */
	public boolean worksAtAHallServing(String username, String serviceCode) {
		return username != null && codes().stream()
			.filter(hall -> worksAt(username, hall))
			.anyMatch(hall -> find(hall).flatMap(layout -> layout.groupOf(serviceCode)).isPresent());
	}

	/**
	 * The ordinary hours per weekday (1 = Monday … 7 = Sunday), in weekday order; a
	 * weekday without hours is a closed day.
	 */
	public Map<Integer, Hours> weeklyHours(String hall) {
		return new TreeMap<>(directory.weeklyHours(hall));
	}

	/**
	 * The hours on a day, if the hall opens: never on a public holiday; on a weekend day
	 * made a working day (调休) with Monday's hours; otherwise with the weekday's hours, if
	 * it has any.
	 */
	public Optional<Hours> hours(String hall, LocalDate day) {
		return Optional.ofNullable(openDays(hall, day, day).get(day));
	}

	/**
	 * The days from {@code from} to {@code to} on which the hall opens, with their hours:
	 * one read of the calendar.
	 */
	public Map<LocalDate, Hours> openDays(String hall, LocalDate from, LocalDate to) {
		Map<Integer, Hours> weekly = directory.weeklyHours(hall);
		Map<LocalDate, String> listed = new HashMap<>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			calendar.year(year).forEach(d -> listed.put(d.day(), d.kind()));
		}
		Map<LocalDate, Hours> open = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			String kind = listed.get(day);
			boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
			if ("HOLIDAY".equals(kind)) {
				continue;
			}
			Hours hours = weekly.get("WORKDAY".equals(kind) && weekend ? 1 : day.getDayOfWeek().getValue());
			if (hours != null) {
				open.put(day, hours);
			}
		}
		return open;
	}

}
