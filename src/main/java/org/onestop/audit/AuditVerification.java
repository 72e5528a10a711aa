package org.onestop.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain and recomputes every hash: any entry altered, removed or reordered in the
 * database breaks the chain at (or right after) that entry.
 */
@Component
class AuditVerification {

	private static final int PAGE = 2000;

	private final JdbcClient db;
	private final AuditSealer sealer;

	AuditVerification(JdbcClient db, AuditSealer sealer) {
		this.db = db;
		this.sealer = sealer;
	}

	/** The verdict: valid with the number of entries, or the id of the first entry that fails. */
	record Verdict(boolean valid, long entries, Long firstBrokenEntry) {
	}

	Verdict verify() {
		sealer.seal(true);
		long expectedSeq = 1;
		String previous = ChainedEntry.GENESIS;
		while (true) {
			List<Sealed> page = db.sql("""
					SELECT id, occurred_at, actor, action, subject, summary, seq, prev_hash, hash FROM audit_entry
					WHERE seq >= :from ORDER BY seq LIMIT :page""")
				.param("from", expectedSeq)
				.param("page", PAGE)
				.query((rs, n) -> new Sealed(AuditSealer.entry(rs, n), rs.getLong("seq"), rs.getString("prev_hash"),
						rs.getString("hash")))
				.list();
			for (Sealed row : page) {
				if (row.seq() != expectedSeq || !previous.equals(row.prevHash())
						|| !row.entry().hash(row.seq(), previous).equals(row.hash())) {
					return new Verdict(false, expectedSeq - 1, row.entry().id());
				}
				previous = row.hash();
				expectedSeq++;
			}
			if (page.size() < PAGE) {
				return new Verdict(true, expectedSeq - 1, null);
			}
		}
	}

	private record Sealed(ChainedEntry entry, long seq, String prevHash, String hash) {
	}
}
