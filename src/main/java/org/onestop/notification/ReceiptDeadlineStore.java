package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accepted texts whose receipt is late, for {@link ReceiptDeadline}. Taking rows stamps
 * them in one committed statement (SKIP LOCKED), so that nodes side by side never ask
 * about the same row at once; settling is conditional, so that a receipt which came in
 * meanwhile stands.
 */
@Repository
class ReceiptDeadlineStore {

	/** Accepted: taken by a provider, no longer claimed by a dispatcher, not settled. */
	private static final String TAKE = """
			UPDATE notification_outbox o SET receipt_asked_at = :now
			FROM (SELECT id FROM notification_outbox
			      WHERE channel = 'SMS' AND status = 'SENDING' AND claimed_by IS NULL AND sent_at IS NOT NULL
			        AND sent_at <= :late AND (receipt_asked_at IS NULL OR receipt_asked_at <= :askedBefore)
			      ORDER BY sent_at
			      LIMIT :batch
			      FOR UPDATE SKIP LOCKED) late
			WHERE o.id = late.id
			RETURNING o.id, o.provider, o.address, o.sent_at""";

	private static final String SETTLE = """
			UPDATE notification_outbox
			SET status = :status, delivered_at = :delivered, failure = :failure, next_attempt_at = NULL,
			    body = CASE WHEN sensitive THEN '' ELSE body END,
			    html_body = CASE WHEN sensitive THEN NULL ELSE html_body END,
			    parameters = CASE WHEN sensitive THEN NULL ELSE parameters END,
			    redacted_at = CASE WHEN sensitive THEN COALESCE(redacted_at, CAST(:now AS timestamptz))
			                  ELSE redacted_at END,
			    updated_at = :now
			WHERE id = :id AND channel = 'SMS' AND status = 'SENDING' AND claimed_by IS NULL""";

	private final JdbcClient db;

	ReceiptDeadlineStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Up to {@code batch} texts accepted before {@code late} and not asked about since
	 * {@code askedBefore}, oldest first, stamped as asked now.
	 */
	List<Late> take(Instant late, Instant askedBefore, int batch, Instant now) {
		return db.sql(TAKE)
			.param("now", Timestamp.from(now))
			.param("late", Timestamp.from(late))
			.param("askedBefore", Timestamp.from(askedBefore))
			.param("batch", batch)
			.query((rs, row) -> new Late(rs.getObject("id", UUID.class), rs.getString("provider"),
					rs.getString("address"), rs.getTimestamp("sent_at").toInstant()))
			.list();
	}

	/** A final status; false when something else settled the row first. */
	boolean settle(UUID id, DeliveryStatus status, String failure, Instant now) {
		return db.sql(SETTLE)
			.param("status", status.name())
			.param("delivered", status == DeliveryStatus.DELIVERED ? Timestamp.from(now) : null)
			.param("failure", failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 1000))
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	record Late(UUID id, String provider, String phone, Instant sentAt) {
	}

}
