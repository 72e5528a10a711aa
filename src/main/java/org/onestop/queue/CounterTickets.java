package org.onestop.queue;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * What other modules may ask about a ticket served at a counter (issue 15): where it was
 * called and whom it brought, so that an application filed for the citizen present names
 * its hall and counter.
 */
@Service
public class CounterTickets {

	private final TicketReader reader;

	CounterTickets(TicketReader reader) {
		this.reader = reader;
	}

	/**
	 * A ticket as a counter served it.
	 *
	 * @param counter the counter that called it; null while it waits
	 * @param citizen the username of an appointment's holder; null for a walk-in
	 * @param called whether a counter has called it (and so the citizen stands there)
	 */
	public record ServedTicket(UUID id, String hall, String number, String counter, String serviceCode, String citizen,
			boolean called) {
	}

	public Optional<ServedTicket> find(UUID id) {
		return reader.find(id)
			.map(r -> new ServedTicket(r.id(), r.hall(), r.number(), r.counter(), r.serviceCode(), r.citizen(),
					"CALLED".equals(r.status()) || "COMPLETED".equals(r.status())));
	}

}
