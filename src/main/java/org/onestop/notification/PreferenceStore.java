package org.onestop.notification;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_preference} table: a person's choice per topic and channel; no
 * row is the default, on.
 */
@Repository
class PreferenceStore {

	private static final String CHOOSE = """
			INSERT INTO notification_preference (username, topic, channel, enabled)
			VALUES (:username, :topic, :channel, :enabled)
			ON CONFLICT (username, topic, channel) DO UPDATE SET enabled = EXCLUDED.enabled""";

	private final JdbcClient db;

	PreferenceStore(JdbcClient db) {
		this.db = db;
	}

	/** Every choice the person made, by topic and channel. */
	Map<Topic, Map<Channel, Boolean>> choices(String username) {
		Map<Topic, Map<Channel, Boolean>> choices = new EnumMap<>(Topic.class);
		db.sql("SELECT topic, channel, enabled FROM notification_preference WHERE username = ?")
			.param(username)
			.query((rs, row) -> {
				Topic topic = Topic.valueOf(rs.getString("topic"));
				choices.computeIfAbsent(topic, t -> new EnumMap<>(Channel.class))
					.put(Channel.valueOf(rs.getString("channel")), rs.getBoolean("enabled"));
				return topic;
			})
			.list();
		return choices;
	}

	void choose(String username, Topic topic, Channel channel, boolean enabled) {
		db.sql(CHOOSE)
			.param("username", username)
			.param("topic", topic.name())
			.param("channel", channel.name())
			.param("enabled", enabled)
			.update();
	}

}
