package org.onestop.audit;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one verified mark all nodes share, and the lock that lets one verification walk at
 * a time across nodes: a second caller waits and then walks only what the first left.
 */
@Component
class VerifiedMarkStore {

	/** Advisory lock key: "AUDVRF" in ASCII, apart from the sealers' lock. */
	static final long WALK_LOCK = 0x415544565246L;

	private static final String READ = "SELECT seq, hash, legacy_until, at, key_id, sig FROM audit_verified_mark";

	/** Two walks finishing out of order must not move the mark back. */
	private static final String RECORD = """
			INSERT INTO audit_verified_mark (seq, hash, legacy_until, at, key_id, sig)
			VALUES (:seq, :hash, :legacyUntil, :at, :key, :sig)
			ON CONFLICT (only_row) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
				legacy_until = excluded.legacy_until, at = excluded.at, key_id = excluded.key_id, sig = excluded.sig
			WHERE audit_verified_mark.seq <= excluded.seq""";

	private final JdbcClient db;

	VerifiedMarkStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Takes the walkers' lock for this transaction: waits for it, or answers false at
	 * once when another walk holds it.
	 */
	boolean lockWalking(boolean wait) {
		if (wait) {
			db.sql("SELECT pg_advisory_xact_lock(:key)").param("key", WALK_LOCK).query().singleRow();
			return true;
		}
		return db.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", WALK_LOCK).query(Boolean.class).single();
	}

	Optional<VerifiedMark> read() {
		return db.sql(READ)
			.query((rs, n) -> new VerifiedMark(rs.getLong("seq"), rs.getString("hash"), rs.getLong("legacy_until"),
					rs.getTimestamp("at").toInstant(), rs.getString("key_id"), rs.getString("sig")))
			.optional();
	}

	void record(VerifiedMark mark) {
		db.sql(RECORD)
			.param("seq", mark.seq())
			.param("hash", mark.hash())
			.param("legacyUntil", mark.legacyUntil())
			.param("at", Timestamp.from(mark.at()))
			.param("key", mark.key())
			.param("sig", mark.sig())
			.update();
	}

	/**
	 * A whole walk found the log changed: later calls walk everything again and so keep
	 * saying so.
	 */
	void forget() {
		db.sql("DELETE FROM audit_verified_mark").update();
	}

}
