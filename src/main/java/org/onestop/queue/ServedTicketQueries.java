package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.queue.ServedTickets.ServedTicket;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ServedTicketQueries {

	private static final String SELECT = """
			SELECT id, number, hall, citizen, service_code, appointment_id AS appointment, served_by, channel,
			       completed_at
			FROM queue_ticket
			""";

	private final JdbcClient db;

	ServedTicketQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<ServedTicket> served(UUID id) {
		return db.sql(SELECT + "WHERE id = :id AND status = 'COMPLETED' AND completed_at IS NOT NULL")
			.param("id", id)
			.query(ServedTicket.class)
			.optional();
	}

	List<ServedTicket> servedBy(String clerk, Instant since, int limit) {
		return db.sql(SELECT + """
				WHERE served_by = :clerk AND status = 'COMPLETED' AND completed_at >= :since
				ORDER BY completed_at DESC, id
				LIMIT :limit""")
			.param("clerk", clerk)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query(ServedTicket.class)
			.list();
	}

}
