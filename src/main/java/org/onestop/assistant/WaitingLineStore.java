package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The agents' waiting lines: who is on duty in which pool ({@code assistant_agent}), the
 * queued conversations and their order, the pools' version numbers
 * ({@code assistant_queue_version}), and the counts the waiting limits take under their
 * advisory locks. One precise statement each.
 */
@Component
class WaitingLineStore {

	/** Whose waiting conversations a limit counts. */
	enum Caller {

		CITIZEN, DEVICE, ADDRESS

	}

	private static final String WAITING = """
			SELECT count(*) FROM assistant_conversation
			WHERE handoff = 'QUEUED' AND abandoned_at IS NULL AND last_seen_at >= :since AND id <> :id AND channel = 'WEB'
			""";

	private static final String WAITING_BY_CITIZEN = WAITING + " AND citizen = :who";

	private static final String WAITING_BY_DEVICE = WAITING + " AND citizen IS NULL AND owner_key = :who";

	private static final String WAITING_BY_ADDRESS = WAITING + " AND citizen IS NULL AND queued_from = :who";

	private final JdbcClient db;

	WaitingLineStore(JdbcClient db) {
		this.db = db;
	}

	/** The agent goes on or off duty in their pool (and is seen at the desk). */
	void duty(String agent, String pool, boolean onDuty, Instant now) {
		db.sql("""
				INSERT INTO assistant_agent (username, pool, on_duty, changed_at, seen_at) VALUES (:u, :p, :d, :now, :now)
				ON CONFLICT (username) DO UPDATE SET pool = EXCLUDED.pool, on_duty = EXCLUDED.on_duty,
				  changed_at = EXCLUDED.changed_at, seen_at = EXCLUDED.seen_at""")
			.param("u", agent)
			.param("p", pool)
			.param("d", onDuty)
			.param("now", Timestamp.from(now))
			.update();
	}

	int agentsOnDuty(String pool, Instant seenSince) {
		return db.sql("SELECT count(*) FROM assistant_agent WHERE pool = :p AND on_duty AND seen_at >= :since")
			.param("p", pool)
			.param("since", Timestamp.from(seenSince))
			.query(Integer.class)
			.single();
	}

	/** Agents on duty and seen since then who are talking with a citizen. */
	int busyAgents(String pool, Instant seenSince) {
		return db
			.sql("""
					SELECT count(DISTINCT c.agent) FROM assistant_conversation c JOIN assistant_agent a ON a.username = c.agent
					WHERE c.handoff = 'CONNECTED' AND a.pool = :p AND a.on_duty AND a.seen_at >= :since""")
			.param("p", pool)
			.param("since", Timestamp.from(seenSince))
			.query(Integer.class)
			.single();
	}

	/**
	 * The agents are at the desk; a sighting within {@code stale} of now is left as it
	 * is.
	 */
	void seen(Collection<String> agents, Instant now, Duration stale) {
		db.sql("UPDATE assistant_agent SET seen_at = :now WHERE username IN (:agents) AND seen_at < :stale")
			.param("now", Timestamp.from(now))
			.param("agents", agents)
			.param("stale", Timestamp.from(now.minus(stale)))
			.update();
	}

	/**
	 * Marks the pool's queued conversations whose owner was last seen before the cutoff
	 * as abandoned; how many.
	 */
	int markAbandoned(String pool, Instant now, Instant cutoff) {
		return db
			.sql("""
					UPDATE assistant_conversation SET abandoned_at = :now, abandonments = abandonments + 1, version = version + 1
					WHERE pool = :p AND handoff = 'QUEUED' AND abandoned_at IS NULL AND last_seen_at < :cutoff""")
			.param("now", Timestamp.from(now))
			.param("p", pool)
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	/** The pool's waiting conversations, longest wait first. */
	List<AgentDesk.QueueEntry> waiting(String pool, Instant now) {
		return db.sql("""
				SELECT id, queued_at, topic, citizen_name FROM assistant_conversation
				WHERE pool = :p AND handoff = 'QUEUED' AND abandoned_at IS NULL ORDER BY queued_at, id""")
			.param("p", pool)
			.query((rs, n) -> new AgentDesk.QueueEntry(rs.getObject(1, UUID.class),
					Duration.between(rs.getTimestamp(2).toInstant(), now).toSeconds(), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/**
	 * How many wait ahead of this conversation; ties in enqueue time are broken by id, so
	 * every node counts alike.
	 */
	int ahead(Conversation c) {
		return db.sql("""
				SELECT count(*) FROM assistant_conversation
				WHERE pool = :p AND handoff = 'QUEUED' AND abandoned_at IS NULL AND (queued_at, id) < (:q, :id)""")
			.param("p", c.pool())
			.param("q", Timestamp.from(c.queuedAt()))
			.param("id", c.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * The average minutes of the pool's last 20 web conversations with an agent; null
	 * before there are any.
	 */
	Double recentMinutesPerConversation(String pool) {
		return db.sql("""
				SELECT avg(extract(epoch FROM ended_at - connected_at)) / 60 FROM (
				  SELECT ended_at, connected_at FROM assistant_conversation
				  WHERE pool = :p AND channel = 'WEB' AND connected_at IS NOT NULL AND ended_at IS NOT NULL
				  ORDER BY ended_at DESC LIMIT 20) recent""")
			.param("p", pool)
			.query(Double.class)
			.optional()
			.orElse(null);
	}

	void bump(String pool) {
		db.sql("""
				INSERT INTO assistant_queue_version (pool, version) VALUES (:p, 1)
				ON CONFLICT (pool) DO UPDATE SET version = assistant_queue_version.version + 1""")
			.param("p", pool)
			.update();
	}

	Map<String, Long> versions() {
		return db.sql("SELECT pool, version FROM assistant_queue_version")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** A transaction-scoped advisory lock on one caller's waiting count. */
	void lockCaller(String key) {
		db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query().listOfRows();
	}

	/**
	 * How many other web conversations of this caller wait for a person, seen since then.
	 */
	int waitingOf(Caller caller, String who, UUID except, Instant seenSince) {
		return db.sql(switch (caller) {
			case CITIZEN -> WAITING_BY_CITIZEN;
			case DEVICE -> WAITING_BY_DEVICE;
			case ADDRESS -> WAITING_BY_ADDRESS;
		})
			.param("who", who)
			.param("id", except)
			.param("since", Timestamp.from(seenSince))
			.query(Integer.class)
			.single();
	}

}
