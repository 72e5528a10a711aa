package org.onestop.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets' waits, for {@link TicketWaits}. */
@Repository
class TicketWaitQueries {

	private static final String WAIT = """
			SELECT id, hall, service_code,
			       floor(extract(epoch FROM (coalesce(first_called_at, called_at) - arrived_at)) / 60)::bigint AS minutes
			FROM queue_ticket""";

	private final JdbcClient db;

	TicketWaitQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<TicketWaits.Wait> ofTicket(UUID ticket) {
		return db.sql(WAIT + " WHERE id = :id").param("id", ticket).query(TicketWaitQueries::map).optional();
	}

	Optional<TicketWaits.Wait> ofAppointment(UUID appointment) {
		return db.sql(WAIT + " WHERE appointment_id = :a ORDER BY arrived_at DESC LIMIT 1")
			.param("a", appointment)
			.query(TicketWaitQueries::map)
			.optional();
	}

	private static TicketWaits.Wait map(ResultSet rs, int row) throws SQLException {
		long minutes = rs.getLong("minutes");
		return new TicketWaits.Wait(rs.getObject("id", UUID.class), rs.getString("hall"), rs.getString("service_code"),
				rs.wasNull() ? null : Math.max(0, minutes));
	}

}
