package org.onestop.platform;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working calendar: anyone may read it; administrators load a new year's holidays day
 * by day.
 */
@RestController
class CalendarApiController {

	private final WorkingCalendar calendar;

	CalendarApiController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/calendar/{year}")
	List<WorkingCalendar.CalendarDay> year(@PathVariable int year) {
		if (year < 1949 || year > 2200) {
			throw new InvalidInputException("year", "platform.calendar.year.invalid");
		}
		return calendar.year(year);
	}

	record DayForm(String kind, String name) {
	}

	@PutMapping("/api/v1/admin/calendar/{day}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> setDay(@PathVariable LocalDate day, @RequestBody DayForm form, Principal admin) {
		calendar.setDay(admin.getName(), day, form.kind(), form.name());
		return ResponseEntity.noContent().build();
	}

}
