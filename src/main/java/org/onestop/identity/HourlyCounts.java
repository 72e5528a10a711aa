package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts requests per scope and key (an ID number, a username, an address) in an hour, by one atomic upsert, so
 * that every node shares the count and parallel requests cannot all slip under the limit.
 */
@Component
class HourlyCounts {

	private static final Duration WINDOW = Duration.ofHours(1);

	private static final String COUNT = """
			INSERT INTO identity_hourly_count AS c (scope, key, window_start, count) VALUES (:scope, :key, :now, 1)
			ON CONFLICT (scope, key) DO UPDATE SET
			    count = CASE WHEN c.window_start <= :expired THEN 1 ELSE c.count + 1 END,
			    window_start = CASE WHEN c.window_start <= :expired THEN :now ELSE c.window_start END
			RETURNING count""";

	private final JdbcClient db;
	private final Clock clock;

	HourlyCounts(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Counts one request and answers whether it is within {@code perHour}. The count commits on its own, so that a
	 * refused or failed request still counts.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean within(String scope, String key, int perHour) {
		Instant now = clock.instant();
		int count = db.sql(COUNT)
			.param("scope", scope)
			.param("key", key == null ? "unknown" : key)
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(WINDOW)))
			.query(Integer.class)
			.single();
		return count <= perHour;
	}
}
