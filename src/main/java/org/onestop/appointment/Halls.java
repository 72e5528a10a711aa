package org.onestop.appointment;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.onestop.platform.ProblemException;
import org.onestop.platform.WorkingCalendar;
import org.onestop.shared.LocalizedText;
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

	Halls(JdbcClient db, WorkingCalendar calendar) {
		this.db = db;
		this.calendar = calendar;
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
		return db.sql("""
				SELECT code, name_zh, name_en, walk_in_share, booking_days_ahead, booking_opens_at, slot_minutes,
				       daily_limit, max_skips FROM appointment_service_hall WHERE code = :h""")
			.param("h", hall)
			.query((rs, n) -> new HallLayout(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)),
					rs.getDouble(4), rs.getInt(5), rs.getTime(6).toLocalTime(), rs.getInt(7), rs.getInt(8), rs.getInt(9),
					groups(hall), counters(hall)))
			.optional();
	}

	private List<HallLayout.Group> groups(String hall) {
		Map<String, List<String>> matters = db.sql(
				"SELECT group_code, service_code FROM appointment_group_matter WHERE hall = :h ORDER BY service_code")
			.param("h", hall).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return db.sql("SELECT code, name_zh, name_en, service_minutes FROM appointment_group WHERE hall = :h ORDER BY code")
			.param("h", hall)
			.query((rs, n) -> new HallLayout.Group(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)),
					rs.getInt(4), matters.getOrDefault(rs.getString(1), List.of())))
			.list();
	}

	private List<HallLayout.Counter> counters(String hall) {
		Map<String, List<String>> groups = db.sql(
				"SELECT counter, group_code FROM appointment_counter_group WHERE hall = :h ORDER BY group_code")
			.param("h", hall).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		List<HallLayout.Counter> counters = new ArrayList<>();
		db.sql("SELECT id, name_zh, name_en FROM appointment_counter WHERE hall = :h ORDER BY id").param("h", hall)
			.query((rs, n) -> counters.add(new HallLayout.Counter(rs.getString(1),
					new LocalizedText(rs.getString(2), rs.getString(3)), groups.getOrDefault(rs.getString(1), List.of()))))
			.list();
		return counters;
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
