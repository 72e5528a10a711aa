package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.onestop.platform.ChannelCounts;
import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conversations started per contact channel (the assistant and chat on the web, calls to
 * the hotline), for the burden figures. They belong to no department: a department's
 * figures have none.
 */
@Component
class ConversationChannelQueries implements ChannelCounts {

	private final JdbcClient db;

	ConversationChannelQueries(JdbcClient db) {
		this.db = db;
	}

	@Override
	public String subject() {
		return "conversations";
	}

	@Override
	public Optional<Map<ContactChannel, Integer>> count(Instant from, Instant to, String department) {
		if (department != null) {
			return Optional.empty();
		}
		Map<ContactChannel, Integer> counts = new EnumMap<>(ContactChannel.class);
		db.sql("""
				SELECT contact_channel, count(*)::int FROM assistant_conversation
				WHERE started_at >= :from AND started_at < :to
				GROUP BY contact_channel""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> Map.entry(ContactChannel.valueOf(rs.getString(1)), rs.getInt(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return Optional.of(counts);
	}

}
