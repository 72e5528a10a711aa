package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.onestop.platform.LimitExceededException;
import org.springframework.stereotype.Component;

/**
 * How many tickets a kiosk device may give out in a minute. One upsert per ticket in the
 * ticket's own transaction (no second connection), shared by every node: the row is
 * raised only while under the limit, so two nodes cannot both take the last one, and a
 * refused ticket leaves the count as it was.
 */
@Component
class KioskAllowance {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final KioskStore store;

	private final QueueProperties properties;

	private final Clock clock;

	KioskAllowance(KioskStore store, QueueProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts one ticket of this kiosk, or refuses it with 429 when the minute's tickets
	 * are given out.
	 */
	void take(UUID kiosk) {
		Instant now = clock.instant();
		if (!store.take(kiosk, now, now.minus(WINDOW), properties.kioskTicketsPerMinute())) {
			throw new LimitExceededException("queue.kiosk.too-many", properties.kioskTicketsPerMinute());
		}
	}

}
