package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.stereotype.Component;

/**
 * Positions and waits. The wait is the rolling average of the group's last
 * {@value #SAMPLE} real service times (the group's configured minutes until there are
 * any) × people ahead ÷ counters open for the group: counters where a clerk called in the
 * last 30 minutes, or, when none has yet, every counter that serves the group.
 */
@Component
class Estimates {

	static final int SAMPLE = 20;
	static final Duration OPEN_FOR = Duration.ofMinutes(30);
	static final int NOTIFY_AT = 3;

	private final TicketQueries queries;

	private final TicketStore store;

	private final Inbox inbox;

	private final Clock clock;

	Estimates(TicketQueries queries, TicketStore store, Inbox inbox, Clock clock) {
		this.queries = queries;
		this.store = store;
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * 1 for the next one called in the ticket's group; 0 when the ticket is not waiting.
	 */
	int position(UUID ticket, int maxSkips) {
		return queries.position(ticket, clock.instant(), maxSkips);
	}

	int waitMinutes(HallLayout layout, String group, int position) {
		if (position <= 1) {
			return 0;
		}
		double perPerson = averageServiceMinutes(layout, group);
		return (int) Math.ceil(perPerson * (position - 1) / openCounters(layout, group));
	}

	double averageServiceMinutes(HallLayout layout, String group) {
		double measured = queries.averageServiceMinutes(layout.code(), group, SAMPLE);
		return measured >= 0 ? Math.max(measured, 0.5)
				: layout.group(group).map(HallLayout.Group::serviceMinutes).orElse(10);
	}

	int openCounters(HallLayout layout, String group) {
		List<String> serving = layout.counters()
			.stream()
			.filter(c -> c.groups().contains(group))
			.map(HallLayout.Counter::id)
			.toList();
		if (serving.isEmpty()) {
			return 1;
		}
		int open = queries.openCounters(layout.code(), serving, clock.instant().minus(OPEN_FOR));
		return open > 0 ? open : serving.size();
	}

	/**
	 * Tells each known citizen now within three of the front of their group, once (the
	 * flag column makes it once). The hall's name is one argument in both languages, so
	 * that a text in either language names it.
	 */
	void notifyNearFront(HallLayout layout, List<String> groups) {
		store.markNearFront(layout.code(), Tickets.today(clock), groups, clock.instant(), layout.maxSkips(), NOTIFY_AT)
			.stream()
			.map(near -> new Message(near.citizen(), "queue.notice.three-away",
					List.of(near.number(), Message.named(layout.name())), "/tickets/" + near.ticket(),
					"QUEUE_NEAR_FRONT"))
			.forEach(inbox::send);
	}

	/**
	 * Tells the citizen of a called ticket that it is their turn, at which counter.
	 * Walk-in tickets of nobody known have no one to tell.
	 */
	void notifyCalled(HallLayout layout, HallLayout.Counter counter, UUID ticket, String citizen, String number) {
		if (citizen == null) {
			return;
		}
		inbox.send(new Message(citizen, "queue.notice.your-turn",
				List.of(number, Message.named(counter.name()), Message.named(layout.name())), "/tickets/" + ticket,
				"QUEUE_YOUR_TURN"));
	}

}
