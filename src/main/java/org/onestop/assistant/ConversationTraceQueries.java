package org.onestop.assistant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations' handoffs and matters, for {@link ConversationTraces}. */
@Repository
class ConversationTraceQueries {

	private final JdbcClient db;

	ConversationTraceQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<ConversationTraces.ConversationTrace> conversation(UUID id) {
		return db
			.sql("""
					SELECT id, connected_at IS NOT NULL AS passed,
					       floor(extract(epoch FROM (connected_at - coalesce(person_requested_at, queued_at))))::bigint AS seconds,
					       abandonments
					FROM assistant_conversation WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> {
				long seconds = rs.getLong("seconds");
				Long toPerson = rs.wasNull() ? null : Math.max(0, seconds);
				return new ConversationTraces.ConversationTrace(rs.getObject("id", UUID.class), rs.getBoolean("passed"),
						toPerson, rs.getInt("abandonments"), List.of());
			})
			.optional();
	}

	List<String> matters(UUID id) {
		return db.sql("SELECT code FROM assistant_matter WHERE conversation_id = :id ORDER BY at, code")
			.param("id", id)
			.query(String.class)
			.list();
	}

}
