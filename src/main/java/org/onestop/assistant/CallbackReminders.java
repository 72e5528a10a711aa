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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds a signed-in citizen shortly before their callback, once: the claim column is
 * set in the statement that picks the callback, and the message is sent in the same
 * transaction, so that two nodes sweeping at once send it once. Only callbacks of a
 * signed-in citizen are reminded: an anonymous request's number was never proved. Each
 * message is sent under its own savepoint: one that fails is logged and stays claimed,
 * and the rest of the batch still goes out; no text is sent once the callback's time has
 * come.
 */
@Service
class CallbackReminders {

	static final Duration BEFORE = Duration.ofMinutes(15);

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(CallbackReminders.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final CallbackStore tasks;

	private final Inbox inbox;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate each;

	CallbackReminders(CallbackStore tasks, Inbox inbox, Clock clock, PlatformProperties platform,
			PlatformTransactionManager transactions) {
		this.tasks = tasks;
		this.inbox = inbox;
		this.clock = clock;
		this.zone = platform.timeZone();
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Sends the reminders due at this moment, up to {@link #BATCH}; answers how many. */
	@Transactional
	int remind(Instant now) {
		List<CallbackStore.Upcoming> due = tasks.claimReminders(now, BEFORE, BATCH);
		for (CallbackStore.Upcoming u : due) {
			try {
				each.executeWithoutResult(status -> inbox.send(new Message(u.citizen(), "assistant.callback.reminder",
						List.of(WHEN.format(u.slot().atZone(zone)), Callbacks.masked(u.phone())), null,
						"CALLBACK_REMINDER"), u.slot()));
			}
			catch (RuntimeException ex) {
				log.warn("Reminder of callback {} not sent; it stays claimed", u.id(), ex);
			}
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
