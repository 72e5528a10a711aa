package org.onestop.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification} table. Every statement names the recipient, so that nobody
 * reaches another person's messages, and each one is served by an index.
 */
@Repository
class NotificationStore {

	private static final String COLUMNS = "id, recipient, kind, subject_key, arguments, link, created_at, read_at";

	private final JdbcClient db;

	NotificationStore(JdbcClient db) {
		this.db = db;
	}

	void add(UUID id, Message message, Instant at) {
		db.sql("""
				INSERT INTO notification (id, recipient, kind, subject_key, arguments, link, created_at)
				VALUES (:id, :recipient, :kind, :subjectKey, :arguments, :link, :at)""")
			.param("id", id)
			.param("recipient", message.recipient())
			.param("kind", message.kind())
			.param("subjectKey", message.subjectKey())
			.param("arguments", message.arguments().toArray(String[]::new))
			.param("link", message.link())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** One page of a person's messages, newest first. */
	List<Notification> page(String recipient, int page, int size) {
		return db.sql("SELECT " + COLUMNS + " " + """
				FROM notification WHERE recipient = :recipient
				ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset""")
			.param("recipient", recipient)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(NotificationStore::notification)
			.list();
	}

	/** One page of the recipient's messages that carry one of these links. */
	List<Notification> pageWithin(String recipient, Set<String> links, int page, int size) {
		return db.sql("SELECT " + COLUMNS + " " + """
				FROM notification WHERE recipient = :recipient AND link IN (:links)
				ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset""")
			.param("recipient", recipient)
			.param("links", links)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(NotificationStore::notification)
			.list();
	}

	long countWithin(String recipient, Set<String> links) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :recipient AND link IN (:links)")
			.param("recipient", recipient)
			.param("links", links)
			.query(Long.class)
			.single();
	}

	/** Marks one of the recipient's messages read, if it carries one of these links. */
	Optional<Notification> markReadWithin(String recipient, Set<String> links, UUID id, Instant at) {
		return db
			.sql("UPDATE notification SET read_at = coalesce(read_at, :at)"
					+ " WHERE id = :id AND recipient = :recipient AND link IN (:links) RETURNING " + COLUMNS)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("recipient", recipient)
			.param("links", links)
			.query(NotificationStore::notification)
			.optional();
	}

	long count(String recipient) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :recipient")
			.param("recipient", recipient)
			.query(Long.class)
			.single();
	}

	/**
	 * Counted afresh each time: every node shares this table, so no node may keep the
	 * number in memory.
	 */
	int unread(String recipient) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :recipient AND read_at IS NULL")
			.param("recipient", recipient)
			.query(Integer.class)
			.single();
	}

	/**
	 * Marks one of the recipient's messages read (keeping the first time it was read);
	 * empty if it is not theirs.
	 */
	Optional<Notification> markRead(String recipient, UUID id, Instant at) {
		return db
			.sql("UPDATE notification SET read_at = coalesce(read_at, :at) WHERE id = :id AND recipient = :recipient"
					+ " RETURNING " + COLUMNS)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("recipient", recipient)
			.query(NotificationStore::notification)
			.optional();
	}

	int markAllRead(String recipient, Instant at) {
		return db.sql("UPDATE notification SET read_at = :at WHERE recipient = :recipient AND read_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("recipient", recipient)
			.update();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		Array arguments = rs.getArray("arguments");
		Timestamp read = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("kind"),
				rs.getString("subject_key"),
				Arrays.stream((Object[]) arguments.getArray()).map(String.class::cast).toList(), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}

}
