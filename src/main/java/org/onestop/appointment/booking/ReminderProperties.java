package org.onestop.appointment.booking;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appointment reminders under {@code onestop.appointment.reminders.*}.
 *
 * @param dayBeforeFrom from when, city time, the day before an appointment its reminder
 * goes out
 * @param dayBeforeUntil until when, city time, it goes out: the start of texts' quiet
 * hours ({@code onestop.notification.sms.quiet-from}), after which a text would wait for
 * the morning of the appointment day and say "tomorrow"
 * @param sameDayLead how long before the slot the same-day reminder goes out
 * @param sweepInterval how often each node looks for reminders due (the claim makes
 * sweeping on every node safe)
 */
@ConfigurationProperties("onestop.appointment.reminders")
record ReminderProperties(@DefaultValue("09:00") LocalTime dayBeforeFrom,
		@DefaultValue("21:00") LocalTime dayBeforeUntil, @DefaultValue("PT1H") Duration sameDayLead,
		@DefaultValue("PT1M") Duration sweepInterval) {
}
