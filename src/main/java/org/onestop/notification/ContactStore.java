package org.onestop.notification;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_contact} and {@code notification_preference} tables. */
@Repository
class ContactStore {

	private final JdbcClient db;

	ContactStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * @param email the proved address, or null
	 */
	record Contact(String language, String email) {
	}

	Optional<Contact> contact(String username) {
		return db
			.sql("SELECT language, email, email_verified_at IS NOT NULL AS proved FROM notification_contact"
					+ " WHERE username = ?")
			.param(username)
			.query((rs, row) -> new Contact(rs.getString("language"),
					rs.getBoolean("proved") ? rs.getString("email") : null))
			.optional();
	}

	/** The person's choice, if they made one. */
	Optional<Boolean> accepts(String username, Topic topic, Channel channel) {
		return db.sql("SELECT enabled FROM notification_preference WHERE username = ? AND topic = ? AND channel = ?")
			.params(username, topic.name(), channel.name())
			.query(Boolean.class)
			.optional();
	}

}
