package org.onestop.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit log's statements. */
@Component
class AuditStore {

	/**
	 * Advisory lock key: "AUDITSEAL" in ASCII, so that no other module picks it by
	 * chance.
	 */
	static final long SEAL_LOCK = 0x4155444954L;

	/**
	 * Identity values are drawn row by row in the order the rows arrive, so the entries
	 * keep their order in the log.
	 */
	private static final String INSERT = """
			INSERT INTO audit_entry (occurred_at, actor, action, subject, summary)
			SELECT e.at, e.actor, e.action, e.subject, e.summary
			FROM unnest(:at::timestamptz[], :actor::text[], :action::text[], :subject::text[], :summary::text[])
			    WITH ORDINALITY AS e(at, actor, action, subject, summary, n)
			ORDER BY e.n""";

	private static final String LOCK = "SELECT pg_advisory_xact_lock(:key)";

	private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(:key)";

	private static final String UNSEALED = """
			SELECT id, occurred_at, actor, action, subject, summary FROM audit_entry
			WHERE seq IS NULL ORDER BY id LIMIT :batch""";

	private static final String HEAD = "SELECT seq, hash FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1";

	private static final String SEAL = """
			UPDATE audit_entry e SET seq = s.seq, prev_hash = s.prev, hash = s.hash, key_id = :key
			FROM unnest(:ids::bigint[], :seqs::bigint[], :prevs::text[], :hashes::text[]) AS s(id, seq, prev, hash)
			WHERE e.id = s.id""";

	private static final String UNKEYED_UNTIL = """
			SELECT coalesce(max(seq), 0) FROM audit_entry WHERE key_id IS NULL AND seq IS NOT NULL""";

	private static final String COLUMNS = "id, occurred_at, actor, action, subject, summary, seq, prev_hash, hash, key_id";

	private static final String PAGE = "SELECT " + COLUMNS
			+ " FROM audit_entry WHERE seq >= :from ORDER BY seq LIMIT :page";

	private static final String AT = "SELECT " + COLUMNS + " FROM audit_entry WHERE seq IN (:seqs)";

	private static final String NEWEST_CHECKPOINT = """
			SELECT v, seq, head, legacy_until, at, node, key_id, sig FROM audit_newest_checkpoint""";

	/**
	 * Checkpoints written at once by two nodes may arrive out of order: the row keeps the
	 * highest position.
	 */
	private static final String CHECKPOINT_WRITTEN = """
			INSERT INTO audit_newest_checkpoint (v, seq, head, legacy_until, at, node, key_id, sig)
			VALUES (:v, :seq, :head, :legacyUntil, :at, :node, :key, :sig)
			ON CONFLICT (only_row) DO UPDATE SET v = excluded.v, seq = excluded.seq, head = excluded.head,
				legacy_until = excluded.legacy_until, at = excluded.at, node = excluded.node, key_id = excluded.key_id,
				sig = excluded.sig
			WHERE audit_newest_checkpoint.seq <= excluded.seq""";

	/** The newest sealed position and its seal. */
	record Head(long seq, String hash) {

		static final Head GENESIS = new Head(0, ChainedEntry.GENESIS);

	}

	private final JdbcClient db;

	AuditStore(JdbcClient db) {
		this.db = db;
	}

	/** An entry to be written. */
	record Entry(Instant at, String actor, String action, String subject, String summary) {
	}

	void insert(Instant at, String actor, String action, String subject, String summary) {
		insert(new Entry(at, actor, action, subject, summary));
	}

	void insert(Entry entry) {
		insert(List.of(entry));
	}

	/** Writes the entries in one statement, in their order. */
	void insert(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		db.sql(INSERT)
			// ISO-8601 text to the microsecond, cast by the statement.
			.param("at", entries.stream().map(e -> e.at().toString()).toArray(String[]::new))
			.param("actor", entries.stream().map(Entry::actor).toArray(String[]::new))
			.param("action", entries.stream().map(Entry::action).toArray(String[]::new))
			.param("subject", entries.stream().map(Entry::subject).toArray(String[]::new))
			.param("summary", entries.stream().map(Entry::summary).toArray(String[]::new))
			.update();
	}

	/**
	 * Takes the sealers' lock for this transaction: waits for it, or answers false at
	 * once when it is taken.
	 */
	boolean lockSealing(boolean wait) {
		if (wait) {
			db.sql(LOCK).param("key", SEAL_LOCK).query().singleRow();
			return true;
		}
		return db.sql(TRY_LOCK).param("key", SEAL_LOCK).query(Boolean.class).single();
	}

	List<ChainedEntry> unsealed(int batch) {
		return db.sql(UNSEALED).param("batch", batch).query(AuditStore::entry).list();
	}

	Head head() {
		return db.sql(HEAD)
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.optional()
			.orElse(Head.GENESIS);
	}

	/** A position and seal given to an unsealed entry. */
	record Link(long id, long seq, String previous, String hash) {
	}

	/** Seals a batch in one statement (a sealing round used to send one per entry). */
	void seal(List<Link> seals, String keyId) {
		if (seals.isEmpty()) {
			return;
		}
		db.sql(SEAL)
			.param("ids", seals.stream().map(Link::id).toArray(Long[]::new))
			.param("seqs", seals.stream().map(Link::seq).toArray(Long[]::new))
			.param("prevs", seals.stream().map(Link::previous).toArray(String[]::new))
			.param("hashes", seals.stream().map(Link::hash).toArray(String[]::new))
			.param("key", keyId)
			.update();
	}

	/**
	 * The last position sealed with plain SHA-256 (before the chain was keyed); 0 when
	 * there is none.
	 */
	long unkeyedUntil() {
		return db.sql(UNKEYED_UNTIL).query(Long.class).single();
	}

	/** Sealed rows from a position on, in order. */
	List<SealedRow> page(long from, int size) {
		return db.sql(PAGE).param("from", from).param("page", size).query(AuditStore::sealed).list();
	}

	/** The sealed rows at these positions, by position. */
	Map<Long, SealedRow> at(Collection<Long> seqs) {
		if (seqs.isEmpty()) {
			return Map.of();
		}
		return db.sql(AT)
			.param("seqs", seqs)
			.query(AuditStore::sealed)
			.list()
			.stream()
			.collect(Collectors.toMap(SealedRow::seq, Function.identity()));
	}

	/**
	 * The newest checkpoint written to the file, as the sealer that wrote it recorded it
	 * (unchecked).
	 */
	Optional<Checkpoint> newestCheckpoint() {
		return db.sql(NEWEST_CHECKPOINT)
			.query((rs, n) -> new Checkpoint(rs.getInt("v"), rs.getLong("seq"), rs.getString("head"),
					rs.getLong("legacy_until"), rs.getTimestamp("at").toInstant(), rs.getString("node"),
					rs.getString("key_id"), rs.getString("sig")))
			.optional();
	}

	/**
	 * Records a checkpoint just written to the file, unless a higher one is recorded
	 * already.
	 */
	void checkpointWritten(Checkpoint checkpoint) {
		db.sql(CHECKPOINT_WRITTEN)
			.param("v", checkpoint.v())
			.param("seq", checkpoint.seq())
			.param("head", checkpoint.head())
			.param("legacyUntil", checkpoint.legacyUntil())
			.param("at", Timestamp.from(checkpoint.at()))
			.param("node", checkpoint.node())
			.param("key", checkpoint.key())
			.param("sig", checkpoint.sig())
			.update();
	}

	private static ChainedEntry entry(ResultSet rs, int row) throws SQLException {
		return new ChainedEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject"), rs.getString("summary"));
	}

	private static SealedRow sealed(ResultSet rs, int row) throws SQLException {
		return new SealedRow(entry(rs, row), rs.getLong("seq"), rs.getString("prev_hash"), rs.getString("hash"),
				rs.getString("key_id"));
	}

}
