package org.onestop.platform;

import java.time.LocalDate;

import org.onestop.shared.AuditableEvent;

/**
 * An administrator set a day of the working calendar (a holiday or a make-up working
 * day).
 */
public record CalendarDayChanged(String actor, LocalDate day, String kind, String name) implements AuditableEvent {

	@Override
	public String action() {
		return "platform.calendar.day-set";
	}

	@Override
	public String subject() {
		return "calendar:" + day;
	}

	@Override
	public String summary() {
		return day + " set to " + kind + " (" + name + ")";
	}
}
