package org.onestop.appointment.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import org.onestop.appointment.Halls;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds citizens of their appointments: the day before (from 09:00, city time) and
 * about an hour before the slot. A reminder is claimed and its message sent in one
 * transaction, so it goes out exactly once even when every node sweeps. An appointment
 * booked after a reminder's window opened gets none for that window (the citizen has just
 * chosen it); a cancelled one gets none. The day-before reminder is claimed only until
 * quiet hours begin (else it would go out the next morning saying "tomorrow"), and no
 * text is sent once the slot has started. Each message is sent under its own savepoint:
 * one that fails is logged and stays claimed, and the rest of the batch still goes out.
 */
@Service
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	static final int BATCH = 200;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ReminderStore store;

	private final Halls halls;

	private final Inbox inbox;

	private final ReminderProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate each;

	Reminders(ReminderStore store, Halls halls, Inbox inbox, ReminderProperties properties, Clock clock,
			PlatformProperties platform, PlatformTransactionManager transactions) {
		this.store = store;
		this.halls = halls;
		this.inbox = inbox;
		this.properties = properties;
		this.clock = clock;
		this.zone = platform.timeZone();
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
		Instant closed = today.atTime(properties.dayBeforeUntil()).atZone(zone).toInstant();
		if (now.isBefore(opened) || !now.isBefore(closed)) {
			return 0;
		}
		List<ReminderStore.Due> due = store.claimDayBefore(today.plusDays(1), opened, now, BATCH);
		for (ReminderStore.Due d : due) {
			send(d, () -> new Message(
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
			send(d, () -> new Message(d.citizen(), "appointment.reminder.same-day",
					List.of(TIME.format(d.start().atZone(zone)), hall(d), d.bookingCode()), "/appointments",
					"APPOINTMENT_REMINDER"));
		}
		return due.size();
	}

	private void send(ReminderStore.Due d, Supplier<Message> message) {
		try {
			each.executeWithoutResult(status -> inbox.send(message.get(), d.start()));
		}
		catch (RuntimeException ex) {
			log.warn("Reminder of appointment {} not sent; it stays claimed", d.id(), ex);
		}
	}

	private String hall(ReminderStore.Due d) {
		return Message.named(halls.layout(d.hall()).name());
	}

}
