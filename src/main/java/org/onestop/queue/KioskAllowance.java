package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.onestop.platform.LimitExceededException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many tickets a kiosk device may give out in a minute. One upsert per ticket in the ticket's own transaction
 * (no second connection), shared by every node: the row is raised only while under the limit, so two nodes cannot
 * both take the last one, and a refused ticket leaves the count as it was.
 */
@Component
class KioskAllowance {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final String TAKE = """
			INSERT INTO queue_kiosk_use AS u (kiosk, window_start, tickets) VALUES (:kiosk, :now, 1)
			ON CONFLICT (kiosk) DO UPDATE SET
			    tickets = CASE WHEN u.window_start <= :expired THEN 1 ELSE u.tickets + 1 END,
			    window_start = CASE WHEN u.window_start <= :expired THEN :now ELSE u.window_start END
			WHERE u.window_start <= :expired OR u.tickets < :limit""";

	private final JdbcClient db;
	private final QueueProperties properties;
	private final Clock clock;

	KioskAllowance(JdbcClient db, QueueProperties properties, Clock clock) {
		this.db = db;
		this.properties = properties;
		this.clock = clock;
	}

	/** Counts one ticket of this kiosk, or refuses it with 429 when the minute's tickets are given out. */
	void take(UUID kiosk) {
		Instant now = clock.instant();
		int counted = db.sql(TAKE).param("kiosk", kiosk).param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(WINDOW))).param("limit", properties.kioskTicketsPerMinute())
			.update();
		if (counted == 0) {
			throw new LimitExceededException("queue.kiosk.too-many",
					properties.kioskTicketsPerMinute());
		}
	}
}
