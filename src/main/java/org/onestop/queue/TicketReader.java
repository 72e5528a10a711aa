package org.onestop.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads tickets and dresses them with position and estimate. */
@Component
class TicketReader {

	static final String COLUMNS = """
			id, hall, number, group_code, service_code, kind, priority, status, counter, arrived_at, appointment_id,
			application_id, citizen""";

	/** A ticket row as the queue's own code needs it. */
	record Row(UUID id, String hall, String number, String group, String serviceCode, String kind, String priority,
			String status, String counter, java.time.Instant arrivedAt, UUID appointmentId, UUID applicationId,
			String citizen) {
	}

	private final JdbcClient db;
	private final Estimates estimates;

	TicketReader(JdbcClient db, Estimates estimates) {
		this.db = db;
		this.estimates = estimates;
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("hall"), rs.getString("number"),
				rs.getString("group_code"), rs.getString("service_code"), rs.getString("kind"), rs.getString("priority"),
				rs.getString("status"), rs.getString("counter"), rs.getTimestamp("arrived_at").toInstant(),
				rs.getObject("appointment_id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getString("citizen"));
	}

	Optional<String> hallOf(UUID id) {
		return db.sql("SELECT hall FROM queue_ticket WHERE id = :id").param("id", id).query(String.class).optional();
	}

	/** The ticket a counter is serving now: the last one it called that is not done yet. */
	Optional<UUID> servingAt(String hall, String counter) {
		return db.sql("""
				SELECT id FROM queue_ticket WHERE hall = :h AND counter = :c AND status = 'CALLED'
				ORDER BY called_at DESC LIMIT 1""")
			.param("h", hall).param("c", counter).query(UUID.class).optional();
	}

	Optional<Row> find(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM queue_ticket WHERE id = :id").param("id", id).query(TicketReader::row)
			.optional();
	}

	Optional<TicketView> view(UUID id, HallLayout layout) {
		return find(id).filter(r -> r.hall().equals(layout.code())).map(r -> view(r, layout));
	}

	TicketView view(Row r, HallLayout layout) {
		int position = "WAITING".equals(r.status()) ? estimates.position(r.id(), layout.maxSkips()) : 0;
		int wait = position > 0 ? estimates.waitMinutes(layout, r.group(), position) : 0;
		return new TicketView(r.id(), r.hall(), r.number(), r.group(), r.serviceCode(), r.kind(), r.priority() != null,
				r.priority(), r.status(), position, wait, r.counter(), r.arrivedAt());
	}
}
