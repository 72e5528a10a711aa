package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A pool's queue of conversations waiting for an agent: positions by original enqueue time, the estimated wait, the
 * agents on duty, and departures. A citizen who stops polling and listening has left; nobody watches the clock for
 * that: whoever next reads the queue marks them, in one conditional UPDATE that any node may run.
 */
@Component
class WaitingLine {

	private final JdbcClient db;
	private final AssistantProperties properties;
	private final Clock clock;

	WaitingLine(JdbcClient db, AssistantProperties properties, Clock clock) {
		this.db = db;
		this.properties = properties;
		this.clock = clock;
	}

	int agentsOnDuty(String pool) {
		return db.sql("SELECT count(*) FROM assistant_agent WHERE pool = :p AND on_duty AND seen_at >= :since")
			.param("p", pool).param("since", Timestamp.from(clock.instant().minus(properties.agentAwayAfter())))
			.query(Integer.class).single();
	}

	/** The agent is at the desk: called by every desk action and, while their live queue is open, by its node. */
	void seen(java.util.Collection<String> agents) {
		if (agents.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		db.sql("UPDATE assistant_agent SET seen_at = :now WHERE username IN (:agents) AND seen_at < :stale")
			.param("now", Timestamp.from(now)).param("agents", agents)
			.param("stale", Timestamp.from(now.minus(ConversationFeed.PRESENCE))).update();
	}

	/** Marks queued conversations whose owner has been gone longer than the setting as abandoned. */
	int markAbandoned(String pool, Instant now) {
		int marked = db.sql("""
				UPDATE assistant_conversation SET abandoned_at = :now, abandonments = abandonments + 1, version = version + 1
				WHERE pool = :p AND handoff = 'QUEUED' AND abandoned_at IS NULL AND last_seen_at < :cutoff""")
			.param("now", Timestamp.from(now)).param("p", pool)
			.param("cutoff", Timestamp.from(now.minus(properties.abandonAfter()))).update();
		if (marked > 0) {
			bump(pool);
		}
		return marked;
	}

	/** 1 for the next to be served; ties in enqueue time are broken by id, so every node counts alike. */
	int position(Conversation c) {
		return 1 + db.sql("""
				SELECT count(*) FROM assistant_conversation
				WHERE pool = :p AND handoff = 'QUEUED' AND abandoned_at IS NULL AND (queued_at, id) < (:q, :id)""")
			.param("p", c.pool()).param("q", Timestamp.from(c.queuedAt())).param("id", c.id()).query(Integer.class).single();
	}

	/**
	 * Minutes until an agent is free for this position: none while enough agents are idle, otherwise the recent
	 * average handling time (or the setting, before there is history) spread over the agents on duty.
	 */
	int estimateMinutes(String pool, int position) {
		int onDuty = agentsOnDuty(pool);
		int busy = db.sql("""
				SELECT count(DISTINCT c.agent) FROM assistant_conversation c JOIN assistant_agent a ON a.username = c.agent
				WHERE c.handoff = 'CONNECTED' AND a.pool = :p AND a.on_duty AND a.seen_at >= :since""").param("p", pool)
			.param("since", Timestamp.from(clock.instant().minus(properties.agentAwayAfter()))).query(Integer.class).single();
		int free = Math.max(0, onDuty - busy);
		if (position <= free) {
			return 0;
		}
		Double measured = db.sql("""
				SELECT avg(extract(epoch FROM ended_at - connected_at)) / 60 FROM (
				  SELECT ended_at, connected_at FROM assistant_conversation
				  WHERE pool = :p AND channel = 'WEB' AND connected_at IS NOT NULL AND ended_at IS NOT NULL
				  ORDER BY ended_at DESC LIMIT 20) recent""").param("p", pool).query(Double.class).optional().orElse(null);
		double minutes = measured == null ? properties.minutesPerConversation() : Math.max(1, measured);
		return (int) Math.ceil((position - free) * minutes / Math.max(1, onDuty));
	}

	/** Raised by every change to who is waiting, so that every listener's position is pushed again. */
	void bump(String pool) {
		db.sql("""
				INSERT INTO assistant_queue_version (pool, version) VALUES (:p, 1)
				ON CONFLICT (pool) DO UPDATE SET version = assistant_queue_version.version + 1""").param("p", pool).update();
	}

	Map<String, Long> versions() {
		return db.sql("SELECT pool, version FROM assistant_queue_version")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
