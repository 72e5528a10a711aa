package org.onestop.queue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onestop.platform.ChannelCounts;
import org.onestop.queue.TicketReader.Row;
import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue's tickets and what changes with them: {@code queue_ticket}, the day's numbers
 * ({@code queue_number}), the counters seen open ({@code queue_counter_open}) and each
 * hall's version ({@code queue_hall_version}).
 */
@Component
class TicketStore {

	private static final String COLUMNS = """
			id, hall, number, group_code, service_code, kind, priority, status, counter, arrived_at, appointment_id,
			application_id, citizen""";

	private static final String FIND = "SELECT " + COLUMNS + " FROM queue_ticket WHERE id = :id";

	private static final String LOCK = "SELECT " + COLUMNS
			+ " FROM queue_ticket WHERE id = :id AND hall = :h FOR UPDATE";

	/**
	 * Picks the first ticket in calling order with FOR UPDATE SKIP LOCKED, so two
	 * counters never get the same one.
	 */
	private static final String CALL_FIRST = """
			UPDATE queue_ticket SET status = 'CALLED', counter = :c, served_by = :u, called_at = :now,
			  first_called_at = coalesce(first_called_at, :now), calls = calls + 1, updated_at = :now
			WHERE id = (SELECT id FROM queue_ticket
			            WHERE hall = :h AND day = :day AND status = 'WAITING' AND group_code IN (:groups)
			            ORDER BY %1$s, arrived_at, number LIMIT 1 FOR UPDATE SKIP LOCKED)
			RETURNING id, arrived_at, %1$s, citizen, number""".formatted(Ranking.RANK);

	private static final String PASS_OVER = """
			UPDATE queue_ticket SET skips = skips + 1, updated_at = :now
			WHERE hall = :h AND day = :day AND status = 'WAITING' AND group_code IN (:groups)
			  AND arrived_at < :arrived AND %s""".formatted(Ranking.PLAIN);

	private static final String MARK_NEAR_FRONT = """
			WITH w AS (SELECT id, row_number() OVER (PARTITION BY group_code ORDER BY %s, arrived_at, number) AS pos
			           FROM queue_ticket WHERE hall = :h AND day = :day AND status = 'WAITING' AND group_code IN (:g))
			UPDATE queue_ticket t SET notified_at = :now FROM w
			WHERE t.id = w.id AND w.pos <= :at AND t.notified_at IS NULL AND t.citizen IS NOT NULL
			RETURNING t.id, t.citizen, t.number""".formatted(Ranking.RANK);

	private final JdbcClient db;

	TicketStore(JdbcClient db) {
		this.db = db;
	}

	/** A ticket as it is given out. */
	record NewTicket(UUID id, String hall, LocalDate day, String group, String number, String serviceCode, String kind,
			String priority, UUID appointment, UUID application, String citizen, Instant windowStart, Instant windowEnd,
			Instant arrivedAt, String issuedBy, ContactChannel channel) {
	}

	/**
	 * A ticket just called, with its rank ({@link Ranking}); citizen null for a walk-in.
	 */
	record Called(UUID id, Timestamp arrivedAt, int rank, String citizen, String number) {
	}

	/** A known citizen now near the front of their group. */
	record NearFront(UUID ticket, String citizen, String number) {
	}

	/**
	 * Raises the hall's version; first in a transaction, it also serialises the hall's
	 * queue changes (a row lock).
	 */
	void bumpVersion(String hall) {
		db.sql("""
				INSERT INTO queue_hall_version (hall, version) VALUES (:h, 1)
				ON CONFLICT (hall) DO UPDATE SET version = queue_hall_version.version + 1""").param("h", hall).update();
	}

	Map<String, Long> versions() {
		return db.sql("SELECT hall, version FROM queue_hall_version")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The next number of the hall's group on that day, from 1, raised in one statement.
	 */
	int nextNumber(String hall, String group, LocalDate day) {
		return db.sql("""
				INSERT INTO queue_number (hall, group_code, day, n) VALUES (:h, :g, :d, 1)
				ON CONFLICT (hall, group_code, day) DO UPDATE SET n = queue_number.n + 1 RETURNING n""")
			.param("h", hall)
			.param("g", group)
			.param("d", Date.valueOf(day))
			.query(Integer.class)
			.single();
	}

	void add(NewTicket t) {
		db.sql("""
				INSERT INTO queue_ticket (id, hall, day, group_code, number, service_code, kind, priority, appointment_id,
				  application_id, citizen, window_start, window_end, status, arrived_at, issued_by, updated_at, channel)
				VALUES (:id, :h, :d, :g, :number, :service, :kind, :priority, :appointment, :application, :citizen,
				  :from, :until, 'WAITING', :now, :by, :now, :channel)""")
			.param("id", t.id())
			.param("h", t.hall())
			.param("d", Date.valueOf(t.day()))
			.param("g", t.group())
			.param("number", t.number())
			.param("service", t.serviceCode())
			.param("kind", t.kind())
			.param("priority", t.priority())
			.param("appointment", t.appointment())
			.param("application", t.application())
			.param("citizen", t.citizen())
			.param("from", timestamp(t.windowStart()))
			.param("until", timestamp(t.windowEnd()))
			.param("now", Timestamp.from(t.arrivedAt()))
			.param("by", t.issuedBy())
			.param("channel", t.channel().name())
			.update();
	}

	/**
	 * Tickets drawn in {@code [from, to)}, per channel and matter (null: none chosen
	 * yet).
	 */
	List<ChannelCounts.Counted> countedByChannel(Instant from, Instant to) {
		return db.sql("""
				SELECT channel, service_code, count(*)::int FROM queue_ticket
				WHERE arrived_at >= :from AND arrived_at < :to GROUP BY channel, service_code""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new ChannelCounts.Counted(ContactChannel.valueOf(rs.getString(1)), rs.getString(2),
					rs.getInt(3)))
			.list();
	}

	/** The newest ticket drawn for an appointment. */
	Optional<UUID> ofAppointment(UUID appointment) {
		return db.sql("SELECT id FROM queue_ticket WHERE appointment_id = :a ORDER BY arrived_at DESC LIMIT 1")
			.param("a", appointment)
			.query(UUID.class)
			.optional();
	}

	boolean isPriorityGroup(String hall, String code) {
		return db.sql("SELECT count(*) FROM queue_priority_group WHERE hall = :h AND code = :c")
			.param("h", hall)
			.param("c", code)
			.query(Integer.class)
			.single() > 0;
	}

	/** The clerk is at the counter now: it counts as open for the estimates. */
	void counterSeen(String hall, String counter, String clerk, Instant now) {
		db.sql("""
				INSERT INTO queue_counter_open (hall, counter, clerk, last_seen) VALUES (:h, :c, :u, :now)
				ON CONFLICT (hall, counter) DO UPDATE SET clerk = EXCLUDED.clerk, last_seen = EXCLUDED.last_seen""")
			.param("h", hall)
			.param("c", counter)
			.param("u", clerk)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Calls the first waiting ticket of the groups in calling order, marking it called at
	 * the counter.
	 */
	Optional<Called> callFirst(String hall, LocalDate day, List<String> groups, String counter, String clerk,
			Instant now, int maxSkips) {
		return db.sql(CALL_FIRST)
			.param("c", counter)
			.param("u", clerk)
			.param("now", Timestamp.from(now))
			.param("h", hall)
			.param("day", Date.valueOf(day))
			.param("groups", groups)
			.param("maxSkips", maxSkips)
			.query((rs, n) -> new Called(rs.getObject(1, UUID.class), rs.getTimestamp(2), rs.getInt(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/**
	 * Every plain ticket of the groups that came before {@code arrived} was passed over
	 * once more.
	 */
	void passOver(String hall, LocalDate day, List<String> groups, Timestamp arrived, Instant now) {
		db.sql(PASS_OVER)
			.param("now", Timestamp.from(now))
			.param("h", hall)
			.param("day", Date.valueOf(day))
			.param("groups", groups)
			.param("arrived", arrived)
			.update();
	}

	void recall(UUID id, Instant now) {
		db.sql("UPDATE queue_ticket SET called_at = :now, calls = calls + 1, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void noShow(UUID id, Instant now) {
		db.sql("UPDATE queue_ticket SET status = 'NO_SHOW', updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** Back to waiting, in another group's queue, keeping its number and arrival. */
	void transfer(UUID id, String group, Instant now) {
		db.sql("""
				UPDATE queue_ticket SET status = 'WAITING', group_code = :g, counter = NULL, served_by = NULL, updated_at = :now
				WHERE id = :id""")
			.param("g", group)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void complete(UUID id, Instant now) {
		db.sql("UPDATE queue_ticket SET status = 'COMPLETED', completed_at = :now, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Marks the known citizens now within {@code at} of the front of their group, once
	 * each; returns them.
	 */
	List<NearFront> markNearFront(String hall, LocalDate day, List<String> groups, Instant now, int maxSkips, int at) {
		return db.sql(MARK_NEAR_FRONT)
			.param("h", hall)
			.param("day", Date.valueOf(day))
			.param("g", groups)
			.param("now", Timestamp.from(now))
			.param("maxSkips", maxSkips)
			.param("at", at)
			.query((rs, n) -> new NearFront(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	Optional<Row> find(UUID id) {
		return db.sql(FIND).param("id", id).query(TicketStore::row).optional();
	}

	/** The ticket, locked until the transaction ends, when it is the hall's. */
	Optional<Row> lock(UUID id, String hall) {
		return db.sql(LOCK).param("id", id).param("h", hall).query(TicketStore::row).optional();
	}

	Optional<String> hallOf(UUID id) {
		return db.sql("SELECT hall FROM queue_ticket WHERE id = :id").param("id", id).query(String.class).optional();
	}

	/**
	 * The ticket a counter is serving now: the last one it called that is not done yet.
	 */
	Optional<UUID> servingAt(String hall, String counter) {
		return db.sql("""
				SELECT id FROM queue_ticket WHERE hall = :h AND counter = :c AND status = 'CALLED'
				ORDER BY called_at DESC LIMIT 1""").param("h", hall).param("c", counter).query(UUID.class).optional();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("hall"), rs.getString("number"),
				rs.getString("group_code"), rs.getString("service_code"), rs.getString("kind"),
				rs.getString("priority"), rs.getString("status"), rs.getString("counter"),
				rs.getTimestamp("arrived_at").toInstant(), rs.getObject("appointment_id", UUID.class),
				rs.getObject("application_id", UUID.class), rs.getString("citizen"));
	}

}
