package org.onestop.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.Appointments;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a clerk does at a counter: call the next ticket, call it again, mark it a no-show,
 * send it to another group, or complete it. Only a clerk who works at the hall may; every
 * change raises the hall's version.
 */
@Service
class Calling {

	private final TicketStore store;

	private final Halls halls;

	private final HallVersions versions;

	private final TicketReader reader;

	private final Estimates estimates;

	private final ApplicationEventPublisher events;

	private final Appointments appointments;

	private final Clock clock;

	Calling(TicketStore store, Halls halls, HallVersions versions, TicketReader reader, Estimates estimates,
			ApplicationEventPublisher events, Appointments appointments, Clock clock) {
		this.store = store;
		this.halls = halls;
		this.versions = versions;
		this.reader = reader;
		this.estimates = estimates;
		this.events = events;
		this.appointments = appointments;
		this.clock = clock;
	}

	/**
	 * The hall's layout, when this person is a clerk who works there; 403 otherwise, 404
	 * for an unknown hall.
	 */
	public HallLayout clerkAt(OneStopUser user, String hall) {
		HallLayout layout = halls.layout(hall);
		if (user == null || !user.has(Role.CLERK) || !halls.worksAt(user.username(), hall)) {
			throw new ForbiddenException("queue.clerk.forbidden");
		}
		return layout;
	}

	static HallLayout.Counter counter(HallLayout layout, String counter) {
		return layout.counter(counter).orElseThrow(() -> new NotFoundException("queue.counter.not-found"));
	}

	/**
	 * Calls the first ticket in calling order among the counter's groups, in one
	 * statement that picks it with FOR UPDATE SKIP LOCKED and marks it called, so two
	 * counters never get the same ticket.
	 */
	@Transactional
	public Optional<TicketView> callNext(OneStopUser clerk, String hall, String counterId) {
		HallLayout layout = clerkAt(clerk, hall);
		HallLayout.Counter counter = counter(layout, counterId);
		versions.bump(hall);
		Instant now = clock.instant();
		store.counterSeen(hall, counter.id(), clerk.username(), now);
		if (counter.groups().isEmpty()) {
			return Optional.empty();
		}
		LocalDate day = Tickets.today(clock);
		Optional<TicketStore.Called> called = store.callFirst(hall, day, counter.groups(), counter.id(),
				clerk.username(), now, layout.maxSkips());
		if (called.isEmpty()) {
			return Optional.empty();
		}
		if (called.get().rank() == 1 || called.get().rank() == 2) {
			// Every plain ticket that came earlier was passed over once more.
			store.passOver(hall, day, counter.groups(), called.get().arrivedAt(), now);
		}
		estimates.notifyCalled(layout, counter, called.get().id(), called.get().citizen(), called.get().number());
		estimates.notifyNearFront(layout, counter.groups());
		return reader.view(called.get().id(), layout);
	}

	/** Calls the same ticket again (the citizen did not come up yet). */
	@Transactional
	public TicketView recall(OneStopUser clerk, String hall, UUID ticket) {
		HallLayout layout = clerkAt(clerk, hall);
		TicketReader.Row row = current(hall, ticket, List.of("CALLED"));
		store.recall(row.id(), clock.instant());
		return reader.view(row.id(), layout).orElseThrow();
	}

	/** The citizen did not come; an appointment's holder gets a no-show on record. */
	@Transactional
	public TicketView noShow(OneStopUser clerk, String hall, UUID ticket) {
		HallLayout layout = clerkAt(clerk, hall);
		TicketReader.Row row = current(hall, ticket, List.of("CALLED"));
		store.noShow(row.id(), clock.instant());
		if (row.appointmentId() != null) {
			appointments.markNoShow(row.appointmentId());
		}
		return reader.view(row.id(), layout).orElseThrow();
	}

	/**
	 * Sends the ticket to another group's queue. It keeps its number (the one on the
	 * citizen's slip) and its arrival time, so it does not go to the back of the line.
	 */
	@Transactional
	public TicketView transfer(OneStopUser clerk, String hall, UUID ticket, String group) {
		HallLayout layout = clerkAt(clerk, hall);
		if (group == null || layout.group(group.strip()).isEmpty()) {
			throw new InvalidInputException("group", "queue.transfer.group.unknown");
		}
		TicketReader.Row row = current(hall, ticket, List.of("CALLED", "WAITING"));
		store.transfer(row.id(), group.strip(), clock.instant());
		return reader.view(row.id(), layout).orElseThrow();
	}

	/**
	 * The citizen was served: the service time feeds the estimates and the appointment is
	 * done, in this transaction (as a no-show is). The visit becomes a trip on the
	 * application through {@link TicketCompleted}, after commit and in the application's
	 * own transaction, so that a refusal there cannot undo the completion.
	 */
	@Transactional
	public TicketView complete(OneStopUser clerk, String hall, UUID ticket) {
		HallLayout layout = clerkAt(clerk, hall);
		TicketReader.Row row = current(hall, ticket, List.of("CALLED"));
		Instant now = clock.instant();
		store.complete(row.id(), now);
		if (row.appointmentId() != null) {
			appointments.complete(row.appointmentId());
		}
		events.publishEvent(new TicketCompleted(row.id(), row.number(), row.hall(), clerk, row.appointmentId(),
				row.applicationId(), now));
		return reader.view(row.id(), layout).orElseThrow();
	}

	private TicketReader.Row current(String hall, UUID ticket, List<String> statuses) {
		versions.bump(hall);
		TicketReader.Row row = store.lock(ticket, hall)
			.orElseThrow(() -> new NotFoundException("queue.ticket.not-found"));
		if (!statuses.contains(row.status())) {
			throw new ConflictException("queue.ticket.wrong-status", row.status());
		}
		return row;
	}

}
