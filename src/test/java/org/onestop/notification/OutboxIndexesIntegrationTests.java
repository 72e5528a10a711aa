package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox's plans on a crowd of generated rows (inserted in a transaction that is
 * rolled back): the dispatcher's claim never reads the texts awaiting their receipt, and
 * the viewer's newest-first page reads an index, not the whole table.
 */
@IntegrationTest
class OutboxIndexesIntegrationTests {

	static final int CROWD = Integer.getInteger("outbox.crowd", 30_000);

	private static final Instant NOW = OutboxRows.EPOCH.plusSeconds(1);

	@Autowired
	JdbcClient db;

	@Autowired
	PlatformTransactionManager transactions;

	private String planOnACrowd(String sql,
			java.util.function.Function<JdbcClient.StatementSpec, JdbcClient.StatementSpec> params) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		return tx.execute(status -> {
			status.setRollbackOnly();
			// Texts the provider accepted, waiting for receipts that may never come.
			db.sql("""
					INSERT INTO notification_outbox (id, template, channel, address, language, body, status, attempts,
					    provider, provider_ref, sent_at, created_at, updated_at)
					SELECT gen_random_uuid(), 'outbox.test', 'SMS', '13800000000', 'zh', 'x', 'SENDING', 1, 'crowd',
					    'crowd-' || i, :at, :at, :at
					FROM generate_series(1, :n) i""").param("at", Timestamp.from(NOW)).param("n", CROWD).update();
			db.sql("ANALYZE notification_outbox").update();
			List<String> lines = params.apply(db.sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql)).query(String.class).list();
			String plan = String.join("\n", lines);
			return plan;
		});
	}

	@Test
	void theClaimReadsOnlyItsTwoPartialIndexesNotTheTextsAwaitingReceipts() {
		String plan = planOnACrowd(DispatchStore.CLAIM,
				q -> q.param("node", "plan")
					.param("until", Timestamp.from(NOW.plusSeconds(120)))
					.param("now", Timestamp.from(NOW))
					.param("batch", 50));

		assertThat(plan).contains("notification_outbox_takeover", "notification_outbox_due")
			.doesNotContain("Seq Scan")
			.doesNotContainPattern("Rows Removed by Filter: \\d{3,}")
			.doesNotContainPattern("Heap Blocks: exact=\\d{3,}");
	}

	@Test
	void theViewersNewestFirstPageReadsAnIndexAndSortsNothing() {
		String plan = planOnACrowd(
				"SELECT o.id FROM notification_outbox o" + OutboxViewerQueries.where(null, null)
						+ " ORDER BY o.created_at DESC, o.id LIMIT :limit OFFSET :offset",
				q -> q.param("limit", 26).param("offset", 0L));

		assertThat(plan).contains("notification_outbox_by_created").doesNotContain("Seq Scan").doesNotContain("Sort");
	}

	@Test
	void theViewerQueriesOnlyTheFiltersGiven() {
		assertThat(OutboxViewerQueries.where(null, null)).isEmpty();
		assertThat(OutboxViewerQueries.where("alice", null)).doesNotContain("IS NULL", ":status")
			.contains(":recipient");
		assertThat(OutboxViewerQueries.where(null, DeliveryStatus.SENDING)).doesNotContain("IS NULL", ":recipient")
			.contains("o.status = :status");
	}

	@Test
	void aWaitingRowMustSayWhenItIsDue() {
		assertThatThrownBy(() -> db.sql("""
				INSERT INTO notification_outbox (id, template, channel, address, language, body, status, created_at,
				    updated_at)
				VALUES (:id, 'outbox.test', 'SMS', '13800000000', 'zh', 'x', 'TEMPORARY_FAILURE', now(), now())""")
			.param("id", UUID.randomUUID())
			.update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("notification_outbox_waiting_has_time");
	}

}
