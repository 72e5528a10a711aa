package org.onestop.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.springframework.stereotype.Component;

/** Reads tickets and dresses them with position and estimate. */
@Component
class TicketReader {

	/** A ticket row as the queue's own code needs it. */
	record Row(UUID id, String hall, String number, String group, String serviceCode, String kind, String priority,
			String status, String counter, Instant arrivedAt, UUID appointmentId, UUID applicationId, String citizen) {
	}

	private final TicketStore store;

	private final Estimates estimates;

	TicketReader(TicketStore store, Estimates estimates) {
		this.store = store;
		this.estimates = estimates;
	}

	Optional<String> hallOf(UUID id) {
		return store.hallOf(id);
	}

	/**
	 * The ticket a counter is serving now: the last one it called that is not done yet.
	 */
	Optional<UUID> servingAt(String hall, String counter) {
		return store.servingAt(hall, counter);
	}

	Optional<Row> find(UUID id) {
		return store.find(id);
	}

	Optional<TicketView> view(UUID id, HallLayout layout) {
		return find(id).filter(r -> r.hall().equals(layout.code())).map(r -> view(r, layout));
	}

	TicketView view(Row r, HallLayout layout) {
		int position = "WAITING".equals(r.status()) ? estimates.position(r.id(), layout.maxSkips()) : 0;
		int wait = position > 0 ? estimates.waitMinutes(layout, r.group(), position) : 0;
		return new TicketView(r.id(), r.hall(), r.number(), r.group(), r.serviceCode(), r.kind(), r.priority() != null,
				r.priority(), r.status(), position, wait, r.counter(), r.arrivedAt());
	}

}
