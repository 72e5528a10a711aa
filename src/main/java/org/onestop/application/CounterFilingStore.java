package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the clerk confirmed when filing at a counter ({@code application_counter_filing}):
 * the identity check, the card reader's number, the consent, who and when.
 */
@Repository
class CounterFilingStore {

	private static final String CONFIRM = """
			INSERT INTO application_counter_filing (application_id, identity_checked, consent, reader_number, ticket_id,
			    clerk, clerk_name, confirmed_at)
			VALUES (:application, :checked, :consent, :reader, :ticket, :clerk, :name, :at)
			ON CONFLICT (application_id) DO NOTHING""";

	private final JdbcClient db;

	CounterFilingStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Both confirmations are required by the time this is called, and the table checks it
	 * again.
	 */
	void confirm(UUID application, String readerNumber, UUID ticket, String clerk, String clerkName, Instant at) {
		db.sql(CONFIRM)
			.param("application", application)
			.param("checked", true)
			.param("consent", true)
			.param("reader", readerNumber)
			.param("ticket", ticket)
			.param("clerk", clerk)
			.param("name", clerkName)
			.param("at", Timestamp.from(at))
			.update();
	}

}
