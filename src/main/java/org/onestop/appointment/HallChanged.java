package org.onestop.appointment;

import org.onestop.shared.AuditableEvent;

/**
 * An administrator changed a hall (settings, hours, a group, a counter, who works there),
 * for the audit log.
 */
public record HallChanged(String actor, String hall, String change) implements AuditableEvent {

	@Override
	public String action() {
		return "appointment.hall.changed";
	}

	@Override
	public String subject() {
		return "hall:" + hall;
	}

	@Override
	public String summary() {
		return change;
	}
}
