package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onestop.application.HotlineCalls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calls and conversations an agent took lately, to prepare an application from one
 * (issue 15). Read-only.
 */
@Component
class CallQueries {

	private static final String RECENT = """
			SELECT id, topic, started_at FROM assistant_conversation
			WHERE agent = :u AND started_at >= :since ORDER BY started_at DESC, id LIMIT 20""";

	private final JdbcClient db;

	CallQueries(JdbcClient db) {
		this.db = db;
	}

	List<HotlineCalls.Call> recent(String agent, Instant since) {
		return db.sql(RECENT)
			.param("u", agent)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new HotlineCalls.Call(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

}
