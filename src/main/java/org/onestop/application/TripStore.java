package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code application_trip}: each counter visit a citizen made for an application.
 */
@Repository
class TripStore {

	private final JdbcClient db;

	TripStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Records a trip; with a ticket, at most once per ticket (a repeated delivery of the
	 * same completion records nothing and answers false).
	 */
	boolean record(UUID applicationId, Instant at, String hall, String purpose, String recordedBy, UUID ticket) {
		return db.sql(INSERT)
			.param("a", applicationId)
			.param("at", Timestamp.from(at))
			.param("h", hall)
			.param("p", purpose)
			.param("by", recordedBy)
			.param("ticket", ticket)
			.update() == 1;
	}

	private static final String INSERT = """
			INSERT INTO application_trip (application_id, at, hall, purpose, recorded_by, ticket)
			VALUES (:a, :at, :h, :p, :by, :ticket)
			ON CONFLICT (ticket) WHERE ticket IS NOT NULL DO NOTHING""";

	int count(UUID applicationId) {
		return db.sql("SELECT count(*) FROM application_trip WHERE application_id = :a")
			.param("a", applicationId)
			.query(Integer.class)
			.single();
	}

}
