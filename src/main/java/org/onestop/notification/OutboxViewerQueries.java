package org.onestop.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the outbox for administrators: newest first, by recipient and status. */
@Repository
class OutboxViewerQueries {

	private static final String COLUMNS = """
			SELECT o.id, o.created_at, o.channel, o.template, k.topic, o.recipient, o.address, o.language, o.status,
			    o.attempts, o.next_attempt_at, o.sent_at, o.delivered_at, o.updated_at, o.provider, o.failure,
			    o.subject, o.body, o.html_body, o.sensitive, o.redacted_at
			FROM notification_outbox o LEFT JOIN notification_kind k ON k.template = o.template""";

	private static final String NEWEST_FIRST = " ORDER BY o.created_at DESC, o.id LIMIT :limit OFFSET :offset";

	private static final String PAGE = COLUMNS + where(null, null) + NEWEST_FIRST;

	private static final String PAGE_BY_RECIPIENT = COLUMNS + where("", null) + NEWEST_FIRST;

	private static final String PAGE_BY_STATUS = COLUMNS + where(null, DeliveryStatus.SENDING) + NEWEST_FIRST;

	private static final String PAGE_BY_BOTH = COLUMNS + where("", DeliveryStatus.SENDING) + NEWEST_FIRST;

	private final JdbcClient db;

	OutboxViewerQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * One row as stored.
	 *
	 * @param topic the kind's topic; null for a message whose kind is not described
	 */
	record Row(UUID id, Instant createdAt, Channel channel, String template, Topic topic, String recipient,
			String address, String language, DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant sentAt,
			Instant deliveredAt, Instant updatedAt, String provider, String failure, String subject, String body,
			String htmlBody, boolean sensitive, Instant redactedAt) {
	}

	/**
	 * One page, plus the first row of the next (so the caller knows whether there is
	 * one).
	 * @param recipient a username or an address, or null for everyone
	 * @param status null for any
	 */
	List<Row> page(String recipient, DeliveryStatus status, int page, int size) {
		var statement = db.sql(switch ((recipient == null ? 0 : 1) + (status == null ? 0 : 2)) {
			case 0 -> PAGE;
			case 1 -> PAGE_BY_RECIPIENT;
			case 2 -> PAGE_BY_STATUS;
			default -> PAGE_BY_BOTH;
		}).param("limit", size + 1).param("offset", (long) page * size);
		if (recipient != null) {
			statement = statement.param("recipient", recipient);
		}
		if (status != null) {
			statement = statement.param("status", status.name());
		}
		return statement.query(OutboxViewerQueries::row).list();
	}

	/**
	 * Only the filters given (the values themselves are bound): a generic plan of ":x IS
	 * NULL OR …" can use no index, and the outbox grows by every message sent.
	 */
	static String where(String recipient, DeliveryStatus status) {
		List<String> filters = new ArrayList<>();
		if (recipient != null) {
			filters.add("(o.recipient = :recipient OR o.address = :recipient)");
		}
		if (status != null) {
			filters.add("o.status = :status");
		}
		return filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters);
	}

	Optional<Row> one(UUID id) {
		return db.sql(COLUMNS + " WHERE o.id = :id").param("id", id).query(OutboxViewerQueries::row).optional();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String topic = rs.getString("topic");
		return new Row(rs.getObject("id", UUID.class), instant(rs, "created_at"),
				Channel.valueOf(rs.getString("channel")), rs.getString("template"),
				topic == null ? null : Topic.valueOf(topic), rs.getString("recipient"), rs.getString("address"),
				rs.getString("language"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), instant(rs, "sent_at"), instant(rs, "delivered_at"),
				instant(rs, "updated_at"), rs.getString("provider"), rs.getString("failure"), rs.getString("subject"),
				rs.getString("body"), rs.getString("html_body"), rs.getBoolean("sensitive"),
				instant(rs, "redacted_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
