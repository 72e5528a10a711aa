package org.onestop.queue;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A per-hall number raised by every change to the hall's queue. Raising it first in a transaction also serialises
 * the queue changes of one hall (a row lock held for milliseconds), so calling order and skip counts are exact.
 */
@Component
class HallVersions {

	private final JdbcClient db;

	HallVersions(JdbcClient db) {
		this.db = db;
	}

	void bump(String hall) {
		db.sql("""
				INSERT INTO queue_hall_version (hall, version) VALUES (:h, 1)
				ON CONFLICT (hall) DO UPDATE SET version = queue_hall_version.version + 1""").param("h", hall).update();
	}

	Map<String, Long> all() {
		return db.sql("SELECT hall, version FROM queue_hall_version").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
