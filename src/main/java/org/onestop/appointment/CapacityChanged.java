package org.onestop.appointment;

import java.time.LocalDate;

import org.onestop.shared.AuditableEvent;

/** Counters were added to or taken from a group for a day. */
public record CapacityChanged(String actor, String hall, String group, LocalDate day, int countersDelta,
		String reason) implements AuditableEvent {

	@Override
	public String action() {
		return "appointment.capacity.changed";
	}

	@Override
	public String subject() {
		return "hall:" + hall + "/" + group + "/" + day;
	}

	@Override
	public String summary() {
		return (countersDelta >= 0 ? "+" : "") + countersDelta + " counters: " + reason;
	}
}
