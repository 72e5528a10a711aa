package org.onestop.identity.code;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The request counters per scope and key, each with the start of its window. */
@Repository
class RequestCountStore {

	private static final String COUNT = """
			INSERT INTO identity_hourly_count AS c (scope, key, window_start, count) VALUES (:scope, :key, :now, 1)
			ON CONFLICT (scope, key) DO UPDATE SET
			    count = CASE WHEN c.window_start <= :expired THEN 1 ELSE c.count + 1 END,
			    window_start = CASE WHEN c.window_start <= :expired THEN :now ELSE c.window_start END
			RETURNING count""";

	private static final String PURGE = "DELETE FROM identity_hourly_count WHERE window_start <= :expired";

	private final JdbcClient db;

	RequestCountStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Counts one request, starting the count afresh when its window began at or before
	 * {@code expired}.
	 */
	int count(String scope, String key, Instant now, Instant expired) {
		return db.sql(COUNT)
			.param("scope", scope)
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(expired))
			.query(Integer.class)
			.single();
	}

	void forgetWindowsStartedBefore(Instant expired) {
		db.sql(PURGE).param("expired", Timestamp.from(expired)).update();
	}

}
