package org.onestop.appointment.booking;

import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminders on every node; each batch is its own transaction (through
 * {@link Reminders}' proxy), and the claims keep two nodes from sending one twice.
 */
@Component
class ReminderSweep {

	private final Reminders reminders;

	ReminderSweep(Reminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(fixedDelayString = "${onestop.appointment.reminders.sweep-interval:PT1M}",
			initialDelayString = "${onestop.appointment.reminders.sweep-interval:PT1M}")
	void sweep() {
		Instant now = reminders.now();
		int sent;
		do {
			sent = reminders.dayBefore(now);
		}
		while (sent == Reminders.BATCH);
		do {
			sent = reminders.sameDay(now);
		}
		while (sent == Reminders.BATCH);
	}

}
