package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.appointment.Appointments;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.platform.Messages;
import org.springframework.stereotype.Component;

/**
 * What the public board shows, from the tickets themselves: recent calls, who waits, and
 * honest median waits (ticket to first call) over the last 30 days, for walk-ins and
 * appointments apart.
 */
@Component
class HallBoards {

	static final int RECENT = 8;
	static final Duration HISTORY = Duration.ofDays(30);

	private final TicketQueries queries;

	private final Halls halls;

	private final Estimates estimates;

	private final HallVersions versions;

	private final Clock clock;

	private final Appointments appointments;

	private final HallScreenStore screens;

	private final Messages messages;

	HallBoards(TicketQueries queries, Halls halls, Estimates estimates, HallVersions versions, Clock clock,
			Appointments appointments, HallScreenStore screens, Messages messages) {
		this.screens = screens;
		this.messages = messages;
		this.queries = queries;
		this.halls = halls;
		this.estimates = estimates;
		this.versions = versions;
		this.clock = clock;
		this.appointments = appointments;
	}

	QueuePages.HallBoard board(String hall) {
		long version = versions.all().getOrDefault(hall, 0L);
		HallLayout layout = halls.layout(hall);
		LocalDate day = Tickets.today(clock);
		boolean english = screens.callsInEnglish(hall);
		List<QueuePages.Announcement> recent = queries.recentCalls(hall, day, RECENT)
			.stream()
			.map(call -> announce(layout, call, english))
			.toList();
		Map<String, Long> medians = queries.medianWaits(hall, clock.instant().minus(HISTORY));
		int walkIns = queries.walkIns(hall, day);
		return new QueuePages.HallBoard(layout, version, recent, waiting(layout, layout.groups()),
				halls.hours(hall, Tickets.today(clock)), nextFreeDate(layout), toInt(medians.get("WALK_IN")),
				toInt(medians.get("APPOINTMENT")), walkIns);
	}

	/**
	 * What the board says for a call: the number character by character (so that A001 is
	 * read "A, zero, zero, one", not "A one"), and the counter by its name.
	 */
	QueuePages.Announcement announce(HallLayout layout, QueuePages.Called call, boolean english) {
		String number = String.join(" ", call.number().split(""));
		String zh = messages.get(Locale.SIMPLIFIED_CHINESE, "queue.board.say", number,
				QueuePages.counterName(layout, call.counter(), Locale.SIMPLIFIED_CHINESE));
		String en = english ? messages.get(Locale.ENGLISH, "queue.board.say", number,
				QueuePages.counterName(layout, call.counter(), Locale.ENGLISH)) : null;
		return new QueuePages.Announcement(call, zh, en);
	}

	/**
	 * The soonest day any group of the hall has an online place left; null when the whole
	 * window is booked.
	 */
	private String nextFreeDate(HallLayout layout) {
		return appointments.nextFreeDate(layout.code()).map(Object::toString).orElse(null);
	}

	List<QueuePages.GroupWaiting> waiting(HallLayout layout, List<HallLayout.Group> groups) {
		Map<String, Integer> counts = queries.waitingByGroup(layout.code(), Tickets.today(clock));
		return groups.stream().map(g -> {
			int waiting = counts.getOrDefault(g.code(), 0);
			return new QueuePages.GroupWaiting(g, waiting, estimates.waitMinutes(layout, g.code(), waiting + 1));
		}).toList();
	}

	private static Integer toInt(Long value) {
		return value == null ? null : value.intValue();
	}

}
