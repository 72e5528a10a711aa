package org.onestop.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.platform.NotFoundException;
import org.onestop.platform.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The halls' layout and opening days. Layouts come from this node's {@link HallLayoutCache}, which follows the
 * database's layout version, so a change on any node is seen within seconds; the working calendar is read each time.
 */
@Service
public class Halls {

	private final JdbcClient db;
	private final WorkingCalendar calendar;
	private final HallLayoutCache layouts;

	Halls(JdbcClient db, WorkingCalendar calendar, HallLayoutCache layouts) {
		this.db = db;
		this.calendar = calendar;
		this.layouts = layouts;
	}

	/** Opening hours on one day. */
	public record Hours(LocalTime opens, LocalTime closes) {
	}

	public List<String> codes() {
		return db.sql("SELECT code FROM appointment_service_hall ORDER BY code").query(String.class).list();
	}

	public HallLayout layout(String hall) {
		return find(hall).orElseThrow(() -> new NotFoundException("appointment.hall.not-found"));
	}

	public Optional<HallLayout> find(String hall) {
		return layouts.get(hall).map(HallLayoutStore.StoredLayout::layout);
	}

	/** Whether this person may work the counters of this hall. */
	public boolean worksAt(String username, String hall) {
		return db.sql("SELECT count(*) FROM appointment_hall_staff WHERE hall = :h AND username = :u")
			.param("h", hall).param("u", username).query(Integer.class).single() > 0;
	}

	/**
	 * The hours on a day, if the hall opens: never on a public holiday; on a weekend day made a working day
	 * (调休) with Monday's hours; otherwise with the weekday's hours, if it has any.
	 */
	public Optional<Hours> hours(String hall, LocalDate day) {
		return Optional.ofNullable(openDays(hall, day, day).get(day));
	}

	/** The days from {@code from} to {@code to} on which the hall opens, with their hours: one read of the calendar. */
	Map<LocalDate, Hours> openDays(String hall, LocalDate from, LocalDate to) {
		Map<Integer, Hours> weekly = layouts.get(hall).map(HallLayoutStore.StoredLayout::hours).orElse(Map.of());
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
