package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts against rows as the dispatcher leaves them mid-retry: a failure of an earlier
 * attempt never ends a row another attempt is sending, and a settled code is stamped as
 * blanked.
 */
@IntegrationTest
class ReceiptStoreIntegrationTests {

	private static final Instant NOW = OutboxRows.EPOCH.plusSeconds(60);

	@Autowired
	ReceiptStore store;

	@Autowired
	OutboxStore outbox;

	@Autowired
	JdbcClient db;

	OutboxRows rows;

	@AfterEach
	void removeRows() {
		rows.removeAll();
	}

	private UUID text(boolean sensitive, String status, String claimedBy, String ref) {
		rows = rows == null ? new OutboxRows(outbox, db) : rows;
		UUID id = rows.text("13812345678", sensitive);
		db.sql("""
				UPDATE notification_outbox SET status = :status, claimed_by = :node, attempts = 2, provider = 'aliyun',
				    provider_ref = :ref, claimed_until = CASE WHEN CAST(:node AS text) IS NULL THEN NULL ELSE CAST(:until AS timestamptz) END
				WHERE id = :id""")
			.param("status", status)
			.param("node", claimedBy)
			.param("ref", ref)
			.param("until", Timestamp.from(NOW.plusSeconds(120)))
			.param("id", id)
			.update();
		return id;
	}

	@Test
	void aFailureOfAnEarlierAttemptDoesNotEndTheAttemptBeingSent() {
		UUID id = text(false, "SENDING", "node-b", null);

		assertThat(store.settle("aliyun", id, "biz-attempt-1", false, "MK:0001 earlier", NOW)).isFalse();

		assertThat(rows.row(id)).containsEntry("status", "SENDING").containsEntry("claimed_by", "node-b");
	}

	@Test
	void aFailureSettlesARowNobodyHoldsThatNeverHeardBack() {
		UUID id = text(false, "TEMPORARY_FAILURE", null, null);

		assertThat(store.settle("aliyun", id, "biz-1", false, "MK:0001", NOW)).isTrue();

		assertThat(rows.row(id)).containsEntry("status", "PERMANENT_FAILURE").containsEntry("failure", "MK:0001");
	}

	@Test
	void aDeliveryCountsWhicheverAttemptItNamesAndBlanksAndStampsACode() {
		UUID id = text(true, "SENDING", "node-b", null);

		assertThat(store.settle("aliyun", id, "biz-attempt-1", true, null, NOW)).isTrue();

		Map<String, Object> row = rows.row(id);
		assertThat(row).containsEntry("status", "DELIVERED")
			.containsEntry("body", "")
			.containsEntry("parameters", null)
			.containsEntry("claimed_by", null)
			.containsEntry("redacted_at", Timestamp.from(NOW));
	}

}
