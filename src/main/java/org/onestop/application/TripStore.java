package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code application_trip}: each counter visit a citizen made for an application. */
@Repository
class TripStore {

	private final JdbcClient db;

	TripStore(JdbcClient db) {
		this.db = db;
	}

	void record(UUID applicationId, Instant at, String hall, String purpose, String recordedBy) {
		db.sql("INSERT INTO application_trip (application_id, at, hall, purpose, recorded_by) VALUES (:a, :at, :h, :p, :by)")
			.param("a", applicationId).param("at", Timestamp.from(at)).param("h", hall).param("p", purpose)
			.param("by", recordedBy).update();
	}

	int count(UUID applicationId) {
		return db.sql("SELECT count(*) FROM application_trip WHERE application_id = :a").param("a", applicationId)
			.query(Integer.class).single();
	}
}
