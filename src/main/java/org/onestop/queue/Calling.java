package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.Appointments;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a clerk does at a counter: call the next ticket, call it again, mark it a no-show, send it to another group,
 * or complete it. Only a clerk who works at the hall may; every change raises the hall's version.
 */
@Service
public class Calling {

	private final JdbcClient db;
	private final Halls halls;
	private final HallVersions versions;
	private final TicketReader reader;
	private final Estimates estimates;
	private final ApplicationEventPublisher events;
	private final Appointments appointments;
	private final Clock clock;

	Calling(JdbcClient db, Halls halls, HallVersions versions, TicketReader reader, Estimates estimates,
			ApplicationEventPublisher events, Appointments appointments, Clock clock) {
		this.db = db;
		this.halls = halls;
		this.versions = versions;
		this.reader = reader;
		this.estimates = estimates;
		this.events = events;
		this.appointments = appointments;
		this.clock = clock;
	}

	/** The hall's layout, when this person is a clerk who works there; 403 otherwise, 404 for an unknown hall. */
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
	 * Calls the first ticket in calling order among the counter's groups, in one statement that picks it with
	 * FOR UPDATE SKIP LOCKED and marks it called, so two counters never get the same ticket.
	 */
	@Transactional
	public Optional<TicketView> callNext(OneStopUser clerk, String hall, String counterId) {
		HallLayout layout = clerkAt(clerk, hall);
		HallLayout.Counter counter = counter(layout, counterId);
		versions.bump(hall);
		Timestamp now = Timestamp.from(clock.instant());
		db.sql("""
				INSERT INTO queue_counter_open (hall, counter, clerk, last_seen) VALUES (:h, :c, :u, :now)
				ON CONFLICT (hall, counter) DO UPDATE SET clerk = EXCLUDED.clerk, last_seen = EXCLUDED.last_seen""")
			.param("h", hall).param("c", counter.id()).param("u", clerk.username()).param("now", now).update();
		if (counter.groups().isEmpty()) {
			return Optional.empty();
		}
		record Called(UUID id, Timestamp arrivedAt, int rank) {
		}
		Optional<Called> called = db.sql("""
				UPDATE queue_ticket SET status = 'CALLED', counter = :c, served_by = :u, called_at = :now,
				  first_called_at = coalesce(first_called_at, :now), calls = calls + 1, updated_at = :now
				WHERE id = (SELECT id FROM queue_ticket
				            WHERE hall = :h AND day = :day AND status = 'WAITING' AND group_code IN (:groups)
				            ORDER BY %1$s, arrived_at, number LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id, arrived_at, %1$s""".formatted(Ranking.RANK))
			.param("c", counter.id()).param("u", clerk.username()).param("now", now).param("h", hall)
			.param("day", java.sql.Date.valueOf(Tickets.today(clock))).param("groups", counter.groups())
			.param("maxSkips", layout.maxSkips())
			.query((rs, n) -> new Called(rs.getObject(1, UUID.class), rs.getTimestamp(2), rs.getInt(3))).optional();
		if (called.isEmpty()) {
			return Optional.empty();
		}
		if (called.get().rank() == 1 || called.get().rank() == 2) {
			// Every plain ticket that came earlier was passed over once more.
			db.sql("""
					UPDATE queue_ticket SET skips = skips + 1, updated_at = :now
					WHERE hall = :h AND day = :day AND status = 'WAITING' AND group_code IN (:groups)
					  AND arrived_at < :arrived AND %s""".formatted(Ranking.PLAIN))
				.param("now", now).param("h", hall).param("day", java.sql.Date.valueOf(Tickets.today(clock)))
				.param("groups", counter.groups()).param("arrived", called.get().arrivedAt()).update();
		}
		estimates.notifyNearFront(layout, counter.groups());
		return reader.view(called.get().id(), layout);
	}

	/** Calls the same ticket again (the citizen did not come up yet). */
	@Transactional
	public TicketView recall(OneStopUser clerk, String hall, UUID ticket) {
		HallLayout layout = clerkAt(clerk, hall);
		TicketReader.Row row = current(hall, ticket, List.of("CALLED"));
		db.sql("UPDATE queue_ticket SET called_at = :now, calls = calls + 1, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
		return reader.view(row.id(), layout).orElseThrow();
	}

	/** The citizen did not come; an appointment's holder gets a no-show on record. */
	@Transactional
	public TicketView noShow(OneStopUser clerk, String hall, UUID ticket) {
		HallLayout layout = clerkAt(clerk, hall);
		TicketReader.Row row = current(hall, ticket, List.of("CALLED"));
		db.sql("UPDATE queue_ticket SET status = 'NO_SHOW', updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
		if (row.appointmentId() != null) {
			appointments.markNoShow(row.appointmentId());
		}
		return reader.view(row.id(), layout).orElseThrow();
	}

	/**
	 * Sends the ticket to another group's queue. It keeps its number (the one on the citizen's slip) and its arrival
	 * time, so it does not go to the back of the line.
	 */
	@Transactional
	public TicketView transfer(OneStopUser clerk, String hall, UUID ticket, String group) {
		HallLayout layout = clerkAt(clerk, hall);
		if (group == null || layout.group(group.strip()).isEmpty()) {
			throw new InvalidInputException("group", "queue.transfer.group.unknown");
		}
		TicketReader.Row row = current(hall, ticket, List.of("CALLED", "WAITING"));
		db.sql("""
				UPDATE queue_ticket SET status = 'WAITING', group_code = :g, counter = NULL, served_by = NULL, updated_at = :now
				WHERE id = :id""")
			.param("g", group.strip()).param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
		return reader.view(row.id(), layout).orElseThrow();
	}

	/**
	 * The citizen was served: the service time feeds the estimates and the appointment is done, in this transaction
	 * (as a no-show is). The visit becomes a trip on the application through {@link TicketCompleted}, after commit and
	 * in the application's own transaction, so that a refusal there cannot undo the completion.
	 */
	@Transactional
	public TicketView complete(OneStopUser clerk, String hall, UUID ticket) {
		HallLayout layout = clerkAt(clerk, hall);
		TicketReader.Row row = current(hall, ticket, List.of("CALLED"));
		db.sql("UPDATE queue_ticket SET status = 'COMPLETED', completed_at = :now, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
		if (row.appointmentId() != null) {
			appointments.complete(row.appointmentId());
		}
		events.publishEvent(new TicketCompleted(row.id(), row.number(), row.hall(), clerk, row.appointmentId(),
				row.applicationId()));
		return reader.view(row.id(), layout).orElseThrow();
	}

	private TicketReader.Row current(String hall, UUID ticket, List<String> statuses) {
		versions.bump(hall);
		TicketReader.Row row = db.sql("SELECT " + TicketReader.COLUMNS + " FROM queue_ticket WHERE id = :id AND hall = :h FOR UPDATE")
			.param("id", ticket).param("h", hall).query(TicketReader::row).optional()
			.orElseThrow(() -> new NotFoundException("queue.ticket.not-found"));
		if (!statuses.contains(row.status())) {
			throw new ConflictException("queue.ticket.wrong-status", row.status());
		}
		return row;
	}
}
