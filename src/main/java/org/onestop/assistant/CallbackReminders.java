package org.onestop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.PlatformProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds a signed-in citizen shortly before their callback, once: the claim column is
 * set in the statement that picks the callback, and the message is sent in the same
 * transaction, so that two nodes sweeping at once send it once. Only callbacks of a
 * signed-in citizen are reminded: an anonymous request's number was never proved.
 */
@Service
class CallbackReminders {

	static final Duration BEFORE = Duration.ofMinutes(15);

	static final int BATCH = 200;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final CallbackStore tasks;

	private final Inbox inbox;

	private final Clock clock;

	private final ZoneId zone;

	CallbackReminders(CallbackStore tasks, Inbox inbox, Clock clock, PlatformProperties platform) {
		this.tasks = tasks;
		this.inbox = inbox;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	/** Sends the reminders due at this moment, up to {@link #BATCH}; answers how many. */
	@Transactional
	int remind(Instant now) {
		List<CallbackStore.Upcoming> due = tasks.claimReminders(now, BEFORE, BATCH);
		for (CallbackStore.Upcoming u : due) {
			inbox.send(new Message(u.citizen(), "assistant.callback.reminder",
					List.of(WHEN.format(u.slot().atZone(zone)), Callbacks.masked(u.phone())), null,
					"CALLBACK_REMINDER"));
		}
		return due.size();
	}

	/** Through the proxy, so each batch commits with its messages. */
	@Scheduled(fixedDelayString = "${onestop.assistant.callback-reminder-sweep:PT1M}",
			initialDelayString = "${onestop.assistant.callback-reminder-sweep:PT1M}")
	@Transactional
	void sweep() {
		remind(clock.instant());
	}

}
