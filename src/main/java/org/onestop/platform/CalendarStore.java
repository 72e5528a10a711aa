package org.onestop.platform;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onestop.platform.WorkingCalendar.CalendarDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The working calendar's tables: listed days ({@code platform_calendar_day}) and the
 * years known to be complete.
 */
@Component
class CalendarStore {

	private final JdbcClient db;

	CalendarStore(JdbcClient db) {
		this.db = db;
	}

	List<CalendarDay> listed(LocalDate from, LocalDate to) {
		return db.sql("SELECT day, kind, name FROM platform_calendar_day WHERE day BETWEEN :from AND :to ORDER BY day")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new CalendarDay(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Every listed day, as "is a working day". */
	Map<LocalDate, Boolean> allExceptions() {
		Map<LocalDate, Boolean> exceptions = new HashMap<>();
		db.sql("SELECT day, kind FROM platform_calendar_day")
			.query((rs, n) -> exceptions.put(rs.getDate(1).toLocalDate(), "WORKDAY".equals(rs.getString(2))))
			.list();
		return exceptions;
	}

	/** The listed days in a range, as "is a working day". */
	Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate to) {
		Map<LocalDate, Boolean> exceptions = new HashMap<>();
		db.sql("SELECT day, kind FROM platform_calendar_day WHERE day BETWEEN :from AND :to")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> exceptions.put(rs.getDate(1).toLocalDate(), "WORKDAY".equals(rs.getString(2))))
			.list();
		return exceptions;
	}

	/**
	 * What every listed day and complete year add up to: it moves with any change to
	 * them, however made.
	 */
	String fingerprint() {
		return db
			.sql("""
					SELECT md5(coalesce((SELECT string_agg(day || kind, ',' ORDER BY day) FROM platform_calendar_day), '')
					    || '|' || coalesce((SELECT string_agg(year::text, ',' ORDER BY year) FROM platform_calendar_year), ''))""")
			.query(String.class)
			.single();
	}

	Set<Integer> knownYears() {
		return db.sql("SELECT year FROM platform_calendar_year").query(Integer.class).set();
	}

	/** An administrator's day: replaces what was listed for it. */
	void set(LocalDate day, String kind, String name) {
		db.sql("""
				INSERT INTO platform_calendar_day (day, kind, name) VALUES (:day, :kind, :name)
				ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name""")
			.param("day", Date.valueOf(day))
			.param("kind", kind)
			.param("name", name)
			.update();
	}

	/**
	 * A day of a shipped notice: one already listed (perhaps corrected by an
	 * administrator) stays.
	 */
	void listIfAbsent(LocalDate day, String kind, String name) {
		db.sql("INSERT INTO platform_calendar_day (day, kind, name) VALUES (:day, :kind, :name) ON CONFLICT DO NOTHING")
			.param("day", Date.valueOf(day))
			.param("kind", kind)
			.param("name", name)
			.update();
	}

	void knowYear(int year, String source) {
		db.sql("INSERT INTO platform_calendar_year (year, source) VALUES (:year, :source) ON CONFLICT DO NOTHING")
			.param("year", year)
			.param("source", source)
			.update();
	}

}
