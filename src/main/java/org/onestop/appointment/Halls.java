package org.onestop.appointment;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.onestop.platform.ProblemException;
import org.onestop.platform.WorkingCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The halls' layout and opening days, read from the database each time (so every node agrees the moment an
 * administrator changes something).
 */
@Service
public class Halls {

	private final JdbcClient db;
	private final WorkingCalendar calendar;
	private final HallLayoutStore store;

	Halls(JdbcClient db, WorkingCalendar calendar, HallLayoutStore store) {
		this.db = db;
		this.calendar = calendar;
		this.store = store;
	}

	/** Opening hours on one day. */
	public record Hours(LocalTime opens, LocalTime closes) {
	}

	public List<String> codes() {
		return db.sql("SELECT code FROM appointment_service_hall ORDER BY code").query(String.class).list();
	}

	public HallLayout layout(String hall) {
		return find(hall).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "appointment.hall.not-found"));
	}

	public Optional<HallLayout> find(String hall) {
		return store.load(hall).map(HallLayoutStore.StoredLayout::layout);
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
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		boolean working = calendar.isWorkingDay(day);
		if (!working && !weekend) {
			return Optional.empty(); // a public holiday
		}
		if (!working && holiday(day)) {
			return Optional.empty();
		}
		int weekday = working && weekend ? 1 : day.getDayOfWeek().getValue();
		return db.sql("SELECT opens, closes FROM appointment_hall_hours WHERE hall = :h AND weekday = :d")
			.param("h", hall).param("d", weekday)
			.query((rs, n) -> new Hours(rs.getObject(1, Time.class).toLocalTime(), rs.getObject(2, Time.class).toLocalTime()))
			.optional();
	}

	private boolean holiday(LocalDate day) {
		return calendar.year(day.getYear()).stream().anyMatch(d -> d.day().equals(day) && "HOLIDAY".equals(d.kind()));
	}
}
