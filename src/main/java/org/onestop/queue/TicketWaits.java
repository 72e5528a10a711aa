package org.onestop.queue;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * How long a visitor waited at a hall, for the evaluation module to trace a rating of a
 * counter visit or a kept appointment to its cause (issue 17). Read-only.
 */
@Service
public class TicketWaits {

	private final TicketWaitQueries queries;

	TicketWaits(TicketWaitQueries queries) {
		this.queries = queries;
	}

	/**
	 * One ticket's wait.
	 *
	 * @param serviceCode the matter the ticket was for; null for a walk-in without one
	 * @param minutes from the ticket's issue to its first call, rounded down; null when
	 * it was never called
	 */
	public record Wait(UUID ticket, String hall, String serviceCode, Long minutes) {
	}

	/** The wait of a ticket; empty when there is no such ticket. */
	public Optional<Wait> ofTicket(UUID ticket) {
		return queries.ofTicket(ticket);
	}

	/**
	 * The wait of the ticket an appointment was checked in with (the latest, if checked
	 * in twice); empty when it never was.
	 */
	public Optional<Wait> ofAppointment(UUID appointment) {
		return queries.ofAppointment(appointment);
	}

}
