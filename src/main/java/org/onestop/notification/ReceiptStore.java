package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Settles SMS outbox rows from receipts, each in one conditional statement so that two
 * nodes taking the same receipt at once settle the row once. A one-time code's text and
 * parameters are blanked as it settles: nobody needs them afterwards.
 */
@Repository
class ReceiptStore {

	/**
	 * Only rows handed to a provider move: SENDING, or TEMPORARY_FAILURE when an earlier
	 * attempt's answer was lost but the text went out after all. A failure that names
	 * another attempt than the row's latest (another BizId) is ignored: the latest may
	 * still arrive. A delivery counts whichever attempt it names: the person has the
	 * text.
	 */
	private static final String SETTLE = """
			UPDATE notification_outbox
			SET status = :status, delivered_at = :delivered, failure = :failure, next_attempt_at = NULL,
			    provider = COALESCE(provider, :provider), provider_ref = COALESCE(provider_ref, :ref),
			    body = CASE WHEN sensitive THEN '' ELSE body END,
			    parameters = CASE WHEN sensitive THEN NULL ELSE parameters END,
			    updated_at = :now
			WHERE channel = 'SMS' AND status IN ('SENDING', 'TEMPORARY_FAILURE')
			  AND (provider IS NULL OR provider = :provider)
			""";

	private static final String BY_ID = SETTLE + """
			AND id = :id AND (:isDelivered OR provider_ref IS NULL OR CAST(:ref AS TEXT) IS NULL
			     OR provider_ref = :ref)""";

	private static final String BY_REF = SETTLE + "  AND provider = :provider AND provider_ref = :ref";

	private final JdbcClient db;

	ReceiptStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * @param id the row's id from the receipt, or null to match by the provider's id
	 * @return whether a row moved
	 */
	boolean settle(String provider, UUID id, String ref, boolean delivered, String failure, Instant now) {
		var statement = db.sql(id != null ? BY_ID : BY_REF)
			.param("status", (delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.PERMANENT_FAILURE).name())
			.param("delivered", delivered ? Timestamp.from(now) : null)
			.param("failure", failure)
			.param("provider", provider)
			.param("ref", ref)
			.param("now", Timestamp.from(now));
		if (id != null) {
			statement = statement.param("id", id).param("isDelivered", delivered);
		}
		return statement.update() == 1;
	}

	/** Whether the receipt names an SMS row of this provider at all. */
	boolean exists(String provider, UUID id, String ref) {
		if (id != null) {
			return db.sql("""
					SELECT count(*) FROM notification_outbox
					WHERE channel = 'SMS' AND id = :id AND (provider IS NULL OR provider = :provider)""")
				.param("id", id)
				.param("provider", provider)
				.query(Long.class)
				.single() > 0;
		}
		return db.sql("""
				SELECT count(*) FROM notification_outbox
				WHERE channel = 'SMS' AND provider = :provider AND provider_ref = :ref""")
			.param("provider", provider)
			.param("ref", ref)
			.query(Long.class)
			.single() > 0;
	}

}
