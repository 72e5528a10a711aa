package org.onestop.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Component;

/**
 * Completed tickets as a rating of the counter visit sees them (issue 17): who held the
 * ticket, which matter and hall, who served it. Only completed tickets are told of.
 */
@Component
public class ServedTickets {

	private final ServedTicketQueries queries;

	ServedTickets(ServedTicketQueries queries) {
		this.queries = queries;
	}

	/**
	 * A completed ticket.
	 *
	 * @param citizen the holder's username; null for a walk-in nobody knows
	 * @param serviceCode the matter; null for a walk-in that named none
	 * @param appointment the appointment the ticket was drawn for; null for a walk-in
	 * @param servedBy the clerk who completed it
	 */
	public record ServedTicket(UUID id, String number, String hall, String citizen, String serviceCode,
			UUID appointment, String servedBy, ContactChannel channel, Instant completedAt) {
	}

	/** The ticket if it was completed. */
	public Optional<ServedTicket> served(UUID ticket) {
		return queries.served(ticket);
	}

	/**
	 * The tickets this clerk completed since then, the latest first, at most
	 * {@code limit}: the hall's rating pad offers the latest one not yet rated.
	 */
	public List<ServedTicket> servedBy(String clerk, Instant since, int limit) {
		return queries.servedBy(clerk, since, limit);
	}

}
