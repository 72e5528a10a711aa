package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code notification_outbox} rows (the dispatcher's own store claims and settles
 * them).
 */
@Repository
class OutboxStore {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient db;

	OutboxStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * A row as written.
	 *
	 * @param nextAttemptAt when a dispatcher may first take it; null for a final status
	 */
	record NewRow(UUID id, UUID notificationId, String recipient, String template, Channel channel, String address,
			String language, Rendered rendered, boolean sensitive, DeliveryStatus status, Instant nextAttemptAt,
			String failure) {
	}

	void add(NewRow row, Instant now) {
		db.sql("""
				INSERT INTO notification_outbox (id, notification_id, recipient, template, channel, address, language,
				    subject, body, html_body, provider_template_code, parameters, sensitive, status, next_attempt_at,
				    failure, created_at, delivered_at, updated_at)
				VALUES (:id, :notification, :recipient, :template, :channel, :address, :language, :subject, :body,
				    :html, :code, CAST(:parameters AS jsonb), :sensitive, :status, :next, :failure, :now, :delivered,
				    :now)""")
			.param("id", row.id())
			.param("notification", row.notificationId())
			.param("recipient", row.recipient())
			.param("template", row.template())
			.param("channel", row.channel().name())
			.param("address", row.address())
			.param("language", row.language())
			.param("subject", row.rendered().subject())
			.param("body", row.rendered().body())
			.param("html", row.rendered().htmlBody())
			.param("code", row.rendered().providerTemplateCode())
			.param("parameters", json(row.rendered().parameters()))
			.param("sensitive", row.sensitive())
			.param("status", row.status().name())
			.param("next", row.nextAttemptAt() == null ? null : Timestamp.from(row.nextAttemptAt()))
			.param("failure", row.failure())
			.param("now", Timestamp.from(now))
			.param("delivered", row.status() == DeliveryStatus.DELIVERED ? Timestamp.from(now) : null)
			.update();
	}

	private static String json(Map<String, String> parameters) {
		try {
			return JSON.writeValueAsString(parameters);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
