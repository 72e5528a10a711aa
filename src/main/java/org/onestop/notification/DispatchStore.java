package org.onestop.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.notification.Courier.Parcel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims due outbox rows for one dispatcher and settles them. Every statement stands
 * alone (no transaction spans a provider call). Settling is fenced by the claim: the node
 * that claimed it and the attempt's number, so a node whose lease ran out cannot
 * overwrite what the row's new owner found.
 */
@Repository
class DispatchStore {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
	};

	private static final int FAILURE_LENGTH = 1000;

	/**
	 * Due: claims whose node went away before it heard from the provider (no
	 * provider_ref) and whose lease ran out, then waiting rows whose time came. Two arms,
	 * each on its own partial index, so that texts awaiting their receipt are read by
	 * neither; the takeovers come first so that a busy outbox does not starve them. SKIP
	 * LOCKED lets two nodes claim side by side without ever taking the same row.
	 */
	static final String CLAIM = """
			UPDATE notification_outbox o
			SET status = 'SENDING', claimed_by = :node, claimed_until = :until, attempts = o.attempts + 1,
			    updated_at = :now
			FROM (SELECT * FROM (SELECT id, status AS was, updated_at AS previous_at
			                     FROM notification_outbox
			                     WHERE status = 'SENDING' AND provider_ref IS NULL AND claimed_until < :now
			                     ORDER BY claimed_until
			                     LIMIT :batch
			                     FOR UPDATE SKIP LOCKED) abandoned
			      UNION ALL
			      SELECT * FROM (SELECT id, status AS was, updated_at AS previous_at
			                     FROM notification_outbox
			                     WHERE status IN ('CREATED', 'TEMPORARY_FAILURE') AND next_attempt_at <= :now
			                     ORDER BY next_attempt_at
			                     LIMIT :batch
			                     FOR UPDATE SKIP LOCKED) waiting
			      LIMIT :batch) due
			WHERE o.id = due.id
			RETURNING o.id, o.template, o.channel, o.address, o.language, o.subject, o.body, o.html_body,
			    o.provider_template_code, o.parameters::text AS parameters, o.sensitive, o.attempts, due.was,
			    due.previous_at""";

	/**
	 * Extends this attempt's claim just before its provider call: a batch may outlast the
	 * lease, and a row another node has taken over meanwhile must not be sent again here.
	 */
	private static final String RENEW = """
			UPDATE notification_outbox SET claimed_until = :until
			WHERE id = :id AND claimed_by = :node AND attempts = :attempts AND status = 'SENDING'
			  AND provider_ref IS NULL
			RETURNING 1""";

	/** A one-time code's text and parameters, blanked once nobody needs them. */
	static final String REDACT = """
			body = CASE WHEN sensitive THEN '' ELSE body END,
			html_body = CASE WHEN sensitive THEN NULL ELSE html_body END,
			parameters = CASE WHEN sensitive THEN NULL ELSE parameters END,
			redacted_at = CASE WHEN sensitive THEN COALESCE(redacted_at, CAST(:now AS timestamptz))
			    ELSE redacted_at END""";

	/** Only the claim's owner settles it, and only this attempt's claim. */
	private static final String MINE = " WHERE id = :id AND claimed_by = :node AND attempts = :attempts"
			+ " AND status = 'SENDING' AND provider_ref IS NULL";

	private static final String DELIVERED = """
			UPDATE notification_outbox SET status = 'DELIVERED', provider = :provider, provider_ref = :ref,
			    failure = NULL, sent_at = :now, delivered_at = :now, claimed_by = NULL, claimed_until = NULL,
			    next_attempt_at = NULL, updated_at = :now,""" + REDACT + MINE;

	private static final String ACCEPTED = """
			UPDATE notification_outbox SET provider = :provider, provider_ref = :ref, failure = NULL,
			    sent_at = :now, claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL,
			    updated_at = :now,""" + REDACT + MINE;

	private static final String POSTPONED = """
			UPDATE notification_outbox SET status = 'CREATED', attempts = attempts - 1, next_attempt_at = :next,
			    claimed_by = NULL, claimed_until = NULL, updated_at = :now""" + MINE;

	private static final String RETRY = """
			UPDATE notification_outbox SET status = 'TEMPORARY_FAILURE', failure = :failure,
			    next_attempt_at = :next, claimed_by = NULL, claimed_until = NULL, updated_at = :now""" + MINE;

	private static final String FAILED = """
			UPDATE notification_outbox SET status = :status, failure = :failure, next_attempt_at = NULL,
			    claimed_by = NULL, claimed_until = NULL, updated_at = :now,""" + REDACT + MINE;

	/**
	 * NOT_CONFIGURED keeps a code readable: the demo's administrators read it in the
	 * viewer in place of a phone, until the redaction sweep blanks it.
	 */
	private static final String NOT_CONFIGURED = """
			UPDATE notification_outbox SET status = 'NOT_CONFIGURED', failure = :failure, next_attempt_at = NULL,
			    claimed_by = NULL, claimed_until = NULL, updated_at = :now""" + MINE;

	private final JdbcClient db;

	DispatchStore(JdbcClient db) {
		this.db = db;
	}

	List<Parcel> claim(String node, Instant now, Instant until, int batch) {
		return db.sql(CLAIM)
			.param("node", node)
			.param("until", Timestamp.from(until))
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.query(DispatchStore::parcel)
			.list();
	}

	/**
	 * Extends this attempt's claim to the given time, unless another node took the row
	 * over (or it was settled otherwise) meanwhile.
	 * @return whether the row is still this node's to send
	 */
	boolean renew(Parcel parcel, String node, Instant until) {
		return db.sql(RENEW)
			.param("until", Timestamp.from(until))
			.param("id", parcel.id())
			.param("node", node)
			.param("attempts", parcel.attempts())
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * Taken for good. A sensitive row (a one-time code) loses its text here: it reached
	 * its reader and must not stay readable in the database.
	 */
	boolean delivered(Parcel parcel, String node, String provider, String providerRef, Instant now) {
		return settle(db.sql(DELIVERED), parcel, node, provider, providerRef, null, null, now);
	}

	/**
	 * Taken by the provider; its receipt settles the row. No dispatcher claims it again,
	 * so a one-time code is blanked already: a re-send would never read it.
	 */
	boolean accepted(Parcel parcel, String node, String provider, String providerRef, Instant now) {
		return settle(db.sql(ACCEPTED), parcel, node, provider, providerRef, null, null, now);
	}

	/** Back to waiting until then; the attempt does not count. */
	boolean postponed(Parcel parcel, String node, Instant until, Instant now) {
		return settle(db.sql(POSTPONED), parcel, node, null, null, null, until, now);
	}

	boolean retry(Parcel parcel, String node, String failure, Instant next, Instant now) {
		return settle(db.sql(RETRY), parcel, node, null, null, failure, next, now);
	}

	/** A final status other than delivered; a one-time code is blanked. */
	boolean failed(Parcel parcel, String node, DeliveryStatus status, String failure, Instant now) {
		if (!status.isFinal() || status == DeliveryStatus.DELIVERED) {
			throw new IllegalArgumentException("Not a final failure: " + status);
		}
		if (status == DeliveryStatus.NOT_CONFIGURED) {
			return settle(db.sql(NOT_CONFIGURED), parcel, node, null, null, failure, null, now);
		}
		return settle(db.sql(FAILED).param("status", status.name()), parcel, node, null, null, failure, null, now);
	}

	private static boolean settle(JdbcClient.StatementSpec update, Parcel parcel, String node, String provider,
			String providerRef, String failure, Instant next, Instant now) {
		return update.param("provider", provider)
			.param("ref", providerRef)
			.param("failure", truncate(failure))
			.param("next", next == null ? null : Timestamp.from(next))
			.param("now", Timestamp.from(now))
			.param("id", parcel.id())
			.param("node", node)
			.param("attempts", parcel.attempts())
			.update() == 1;
	}

	private static String truncate(String failure) {
		return failure == null || failure.length() <= FAILURE_LENGTH ? failure
				: failure.substring(0, FAILURE_LENGTH - 1) + "…";
	}

	private static Parcel parcel(ResultSet rs, int row) throws SQLException {
		Timestamp previous = rs.getTimestamp("previous_at");
		return new Parcel(rs.getObject("id", UUID.class), rs.getString("template"),
				Channel.valueOf(rs.getString("channel")), rs.getString("address"),
				Locale.forLanguageTag(rs.getString("language")), rs.getString("subject"), rs.getString("body"),
				rs.getString("html_body"), rs.getString("provider_template_code"),
				parameters(rs.getString("parameters")), rs.getBoolean("sensitive"), rs.getInt("attempts"),
				"SENDING".equals(rs.getString("was")), previous == null ? null : previous.toInstant());
	}

	private static Map<String, String> parameters(String json) {
		if (json == null) {
			return Map.of();
		}
		try {
			Map<String, String> values = JSON.readValue(json, PARAMETERS);
			values.replaceAll((name, value) -> value == null ? "" : value);
			return values;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
