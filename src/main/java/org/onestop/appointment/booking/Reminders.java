package org.onestop.appointment.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.onestop.appointment.Halls;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds citizens of their appointments: the day before (from 09:00, city time) and
 * about an hour before the slot. A reminder is claimed and its message sent in one
 * transaction, so it goes out exactly once even when every node sweeps. An appointment
 * booked after a reminder's window opened gets none for that window (the citizen has just
 * chosen it); a cancelled one gets none.
 */
@Service
class Reminders {

	static final int BATCH = 200;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ReminderStore store;

	private final Halls halls;

	private final Inbox inbox;

	private final ReminderProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	Reminders(ReminderStore store, Halls halls, Inbox inbox, ReminderProperties properties, Clock clock,
			PlatformProperties platform) {
		this.store = store;
		this.halls = halls;
		this.inbox = inbox;
		this.properties = properties;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	Instant now() {
		return clock.instant();
	}

	/**
	 * Sends up to {@link #BATCH} day-before reminders due at this moment; answers how
	 * many.
	 */
	@Transactional
	int dayBefore(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		Instant opened = today.atTime(properties.dayBeforeFrom()).atZone(zone).toInstant();
		if (now.isBefore(opened)) {
			return 0;
		}
		List<ReminderStore.Due> due = store.claimDayBefore(today.plusDays(1), opened, now, BATCH);
		for (ReminderStore.Due d : due) {
			inbox.send(new Message(
					d.citizen(), "appointment.reminder.day-before", List.of(DATE.format(d.start().atZone(zone)),
							TIME.format(d.start().atZone(zone)), hall(d), d.bookingCode()),
					"/appointments", "APPOINTMENT_REMINDER"));
		}
		return due.size();
	}

	/**
	 * Sends up to {@link #BATCH} same-day reminders due at this moment; answers how many.
	 */
	@Transactional
	int sameDay(Instant now) {
		List<ReminderStore.Due> due = store.claimSameDay(LocalDate.ofInstant(now, zone), properties.sameDayLead(), now,
				BATCH);
		for (ReminderStore.Due d : due) {
			inbox.send(new Message(d.citizen(), "appointment.reminder.same-day",
					List.of(TIME.format(d.start().atZone(zone)), hall(d), d.bookingCode()), "/appointments",
					"APPOINTMENT_REMINDER"));
		}
		return due.size();
	}

	private String hall(ReminderStore.Due d) {
		return Message.named(halls.layout(d.hall()).name());
	}

}
