package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Settles SMS outbox rows from receipts, each in one conditional statement so that two
 * nodes taking the same receipt at once settle the row once. A one-time code's text and
 * parameters are blanked as it settles (and when): nobody needs them afterwards.
 */
@Repository
class ReceiptStore {

	/**
	 * Only rows handed to a provider move: SENDING, or TEMPORARY_FAILURE when an earlier
	 * attempt's answer was lost but the text went out after all. A delivery counts
	 * whichever attempt it names: the person has the text. A failure settles only a row
	 * that no dispatcher holds (another attempt may be under way and succeed) and only
	 * when it names the row's latest attempt (its BizId), or the row never heard back
	 * from any.
	 */
	private static final String SETTLE = """
			UPDATE notification_outbox
			SET status = :status, delivered_at = :delivered, failure = :failure, next_attempt_at = NULL,
			    provider = COALESCE(provider, :provider), provider_ref = COALESCE(provider_ref, :ref),
			    claimed_by = NULL, claimed_until = NULL, updated_at = :now,""" + DispatchStore.REDACT + """

			WHERE channel = 'SMS' AND status IN ('SENDING', 'TEMPORARY_FAILURE')
			  AND (provider IS NULL OR provider = :provider)
			  AND (:isDelivered OR (claimed_by IS NULL AND (provider_ref IS NULL OR provider_ref = :ref)))
			""";

	private static final String BY_ID = SETTLE + "  AND id = :id";

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
			.param("now", Timestamp.from(now))
			.param("isDelivered", delivered);
		if (id != null) {
			statement = statement.param("id", id);
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
