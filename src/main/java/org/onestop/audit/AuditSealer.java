package org.onestop.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives unsealed entries their chain position and hash, in the order their inserts became visible.
 * Every node runs it; a transaction-scoped advisory lock lets one seal at a time, and the others
 * skip the round. An entry whose transaction commits late simply takes a later position, so the
 * chain never has to be rewritten.
 */
@Component
class AuditSealer {

	/** Advisory lock key: "AUDITSEAL" in ASCII, so that no other module picks it by chance. */
	private static final long LOCK = 0x4155444954L;
	private static final int BATCH = 500;

	private final JdbcClient db;
	private final TransactionTemplate transactions;

	AuditSealer(JdbcClient db, TransactionTemplate transactions) {
		this.db = db;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${onestop.audit.seal-interval:PT1S}")
	void sealRegularly() {
		seal(false);
	}

	/**
	 * Seals everything committed so far. With {@code wait}, waits for a sealer on another node to
	 * finish rather than skipping, so that the caller sees the whole log sealed.
	 *
	 * @return how many entries were sealed by this call
	 */
	int seal(boolean wait) {
		int total = 0;
		int sealed;
		do {
			sealed = transactions.execute(status -> sealBatch(wait));
			total += sealed;
		}
		while (sealed == BATCH);
		return total;
	}

	private int sealBatch(boolean wait) {
		if (wait) {
			db.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK).query().singleRow();
		}
		else if (!db.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK).query(Boolean.class).single()) {
			return 0;
		}
		List<ChainedEntry> unsealed = db.sql("""
				SELECT id, occurred_at, actor, action, subject, summary FROM audit_entry
				WHERE seq IS NULL ORDER BY id LIMIT :batch""")
			.param("batch", BATCH)
			.query(AuditSealer::entry)
			.list();
		if (unsealed.isEmpty()) {
			return 0;
		}
		var last = db.sql("SELECT seq, hash FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long seq = last.map(row -> (Long) row[0]).orElse(0L);
		String previous = last.map(row -> (String) row[1]).orElse(ChainedEntry.GENESIS);
		for (ChainedEntry entry : unsealed) {
			seq++;
			String hash = entry.hash(seq, previous);
			db.sql("UPDATE audit_entry SET seq = :seq, prev_hash = :prev, hash = :hash WHERE id = :id")
				.param("seq", seq).param("prev", previous).param("hash", hash).param("id", entry.id())
				.update();
			previous = hash;
		}
		return unsealed.size();
	}

	static ChainedEntry entry(ResultSet rs, int row) throws SQLException {
		return new ChainedEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject"), rs.getString("summary"));
	}
}
