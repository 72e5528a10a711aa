package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts requests per scope and key (an ID number, a username, an address) in a window of an hour or a day, by one
 * atomic upsert, so that every node shares the count and parallel requests cannot all slip under the limit. Each
 * scope has one window. The table keeps its first name, {@code identity_hourly_count}.
 */
@Component
class RequestCounts {

	static final Duration HOUR = Duration.ofHours(1);
	static final Duration DAY = Duration.ofDays(1);

	private static final String COUNT = """
			INSERT INTO identity_hourly_count AS c (scope, key, window_start, count) VALUES (:scope, :key, :now, 1)
			ON CONFLICT (scope, key) DO UPDATE SET
			    count = CASE WHEN c.window_start <= :expired THEN 1 ELSE c.count + 1 END,
			    window_start = CASE WHEN c.window_start <= :expired THEN :now ELSE c.window_start END
			RETURNING count""";

	// Past the longest window a row tells nothing.
	private static final String PURGE = "DELETE FROM identity_hourly_count WHERE window_start <= :expired";

	private final JdbcClient db;
	private final Clock clock;

	RequestCounts(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Counts one request and answers whether it is within {@code limit} for the {@code window}. The count commits on
	 * its own, so that a refused or failed request still counts.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean within(String scope, String key, int limit, Duration window) {
		Instant now = clock.instant();
		int count = db.sql(COUNT)
			.param("scope", scope)
			.param("key", key == null ? "unknown" : key)
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(window)))
			.query(Integer.class)
			.single();
		return count <= limit;
	}

	/** Every ID number, username and address asked about leaves a row: those past a day go, on any node. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
	void purge() {
		db.sql(PURGE).param("expired", Timestamp.from(clock.instant().minus(DAY))).update();
	}
}
