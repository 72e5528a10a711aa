package org.onestop.assistant;

import java.util.Optional;
import java.util.UUID;

import org.onestop.assistant.EndedConversations.EndedConversation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EndedConversationQueries {

	private final JdbcClient db;

	EndedConversationQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<EndedConversation> ended(UUID id) {
		return db.sql("""
				SELECT id, citizen, pool AS department, contact_channel AS channel, ended_at
				FROM assistant_conversation
				WHERE id = :id AND ended_at IS NOT NULL""").param("id", id).query(EndedConversation.class).optional();
	}

}
