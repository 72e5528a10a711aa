package org.onestop.queue;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A per-hall number raised by every change to the hall's queue. Raising it first in a
 * transaction also serialises the queue changes of one hall (a row lock held for
 * milliseconds), so calling order and skip counts are exact.
 */
@Component
class HallVersions {

	private final TicketStore store;

	HallVersions(TicketStore store) {
		this.store = store;
	}

	void bump(String hall) {
		store.bumpVersion(hall);
	}

	Map<String, Long> all() {
		return store.versions();
	}

}
