package org.onestop.appointment;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;

/** An appointment was booked or cancelled. */
public record AppointmentChanged(String actor, UUID appointmentId, String change) implements AuditableEvent {

	@Override
	public String action() {
		return "appointment." + change;
	}

	@Override
	public String subject() {
		return "appointment:" + appointmentId;
	}

	@Override
	public String summary() {
		return change;
	}
}
