package org.onestop.platform;

import java.security.Principal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar: anyone may read it; administrators load a new year's holidays day by day. */
@RestController
class CalendarApiController {

	private final JdbcClient db;
	private final ApplicationEventPublisher events;

	CalendarApiController(JdbcClient db, ApplicationEventPublisher events) {
		this.db = db;
		this.events = events;
	}

	@GetMapping("/api/v1/calendar/{year}")
	List<Map<String, Object>> year(@PathVariable int year) {
		return db.sql("SELECT day, kind, name FROM platform_calendar_day WHERE extract(year FROM day) = :year ORDER BY day")
			.param("year", year)
			.query((rs, n) -> Map.<String, Object>of("day", rs.getDate(1).toLocalDate().toString(), "kind", rs.getString(2),
					"name", rs.getString(3)))
			.list();
	}

	record DayForm(String kind, String name) {
	}

	@PutMapping("/api/v1/admin/calendar/{day}")
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	ResponseEntity<Void> setDay(@PathVariable LocalDate day, @RequestBody DayForm form, Principal admin) {
		if (form.kind() == null || !List.of("HOLIDAY", "WORKDAY").contains(form.kind())) {
			throw new InvalidInputException("kind", "platform.calendar.kind.invalid");
		}
		if (form.name() == null || form.name().isBlank() || form.name().length() > 100) {
			throw new InvalidInputException("name", "platform.calendar.name.required");
		}
		db.sql("""
				INSERT INTO platform_calendar_day (day, kind, name) VALUES (:day, :kind, :name)
				ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name""")
			.param("day", Date.valueOf(day)).param("kind", form.kind()).param("name", form.name().strip()).update();
		db.sql("INSERT INTO platform_calendar_year (year, source) VALUES (:year, 'administrator') ON CONFLICT DO NOTHING")
			.param("year", day.getYear()).update();
		events.publishEvent(new CalendarDayChanged(admin.getName(), day, form.kind(), form.name().strip()));
		return ResponseEntity.noContent().build();
	}
}
