package org.onestop.assistant;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two reads the agent console needs beside {@link AgentDesk}: whether the agent is on
 * duty, and the conversations they are serving, so that a conversation left for another
 * tab is never lost. Read-only.
 */
@Component
class AgentConsoleQueries {

	private final JdbcClient db;

	AgentConsoleQueries(JdbcClient db) {
		this.db = db;
	}

	boolean onDuty(String agent) {
		return db.sql("SELECT on_duty FROM assistant_agent WHERE username = :u")
			.param("u", agent)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	List<AgentPages.Serving> serving(String agent) {
		return db.sql("""
				SELECT id, topic, citizen_name, connected_at FROM assistant_conversation
				WHERE agent = :u AND handoff = 'CONNECTED' ORDER BY connected_at, id""")
			.param("u", agent)
			.query((rs, n) -> new AgentPages.Serving(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

}
