package org.onestop.insight;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of {@code insight_figure} and {@code insight_source}: each source's
 * lease, and its figures per city month, replaced whole.
 */
@Component
class FigureStore {

	/**
	 * A lease taken: how far the source was up to date when it was taken, and when it was
	 * last recomputed whole (null: never).
	 */
	record Lease(Instant refreshedThrough, Instant fullRefreshedAt) {
	}

	private final JdbcClient db;

	private final JdbcTemplate jdbc;

	FigureStore(JdbcClient db, JdbcTemplate jdbc) {
		this.db = db;
		this.jdbc = jdbc;
	}

	/**
	 * Takes the source's lease when nobody holds it (or it ran out, or this node holds
	 * it) in one conditional statement, so that two nodes never both get it; null when
	 * another node holds it.
	 */
	Lease lease(String source, String node, Instant now, Instant until) {
		db.sql("INSERT INTO insight_source (source) VALUES (:source) ON CONFLICT (source) DO NOTHING")
			.param("source", source)
			.update();
		List<Lease> taken = db.sql("""
				UPDATE insight_source SET lease_owner = :node, lease_until = :until
				WHERE source = :source AND (lease_until IS NULL OR lease_until <= :now OR lease_owner = :node)
				RETURNING refreshed_through, full_refreshed_at""")
			.param("node", node)
			.param("until", Timestamp.from(until))
			.param("source", source)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> {
				Timestamp through = rs.getTimestamp(1);
				Timestamp full = rs.getTimestamp(2);
				return new Lease(through == null ? null : through.toInstant(), full == null ? null : full.toInstant());
			})
			.list();
		return taken.isEmpty() ? null : taken.get(0);
	}

	/**
	 * Extends the lease this node holds, so that a refresh longer than one lease keeps
	 * it; false when it is no longer this node's (it lapsed and another node took it),
	 * and the refresh must stop.
	 */
	boolean renew(String source, String node, Instant until) {
		return db.sql("UPDATE insight_source SET lease_until = :until WHERE source = :source AND lease_owner = :node")
			.param("until", Timestamp.from(until))
			.param("source", source)
			.param("node", node)
			.update() == 1;
	}

	/**
	 * Gives the statements of the current transaction (a month's computation) their own
	 * timeout instead of the pool's; bound through set_config, as SET LOCAL takes no
	 * parameters. JIT is off too: the grouped month queries are costed high (unnested
	 * arrays are guessed at 100 rows each), and compiling them took 3 of a month's 3.4 s.
	 */
	void limitStatements(Duration timeout) {
		db.sql("SELECT set_config('statement_timeout', :ms, true), set_config('jit', 'off', true)")
			.param("ms", Long.toString(timeout.toMillis()))
			.query((rs, n) -> rs.getString(1))
			.single();
	}

	/**
	 * Puts a month's figures of a source in place of its earlier ones, in one
	 * transaction: a reader sees the old month or the new one, never half of each.
	 * Refused (false) when the lease is no longer this node's, so a node that outlived
	 * its lease cannot overwrite the newer figures of the node that took it over.
	 */
	@Transactional
	boolean replace(String source, String node, YearMonth month, List<Figure> figures) {
		// Locks the source's row: the lease cannot change hands during the replacement.
		Integer held = db.sql("SELECT 1 FROM insight_source WHERE source = :source AND lease_owner = :node FOR UPDATE")
			.param("source", source)
			.param("node", node)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (held == null) {
			return false;
		}
		Date first = Date.valueOf(month.atDay(1));
		db.sql("DELETE FROM insight_figure WHERE source = :source AND month = :month")
			.param("source", source)
			.param("month", first)
			.update();
		List<Object[]> rows = new ArrayList<>(figures.size());
		for (Figure f : figures) {
			rows.add(new Object[] { first, f.measure(), f.scope().name(), f.subject(), f.channel().name(), f.value(),
					f.cases(), source });
		}
		jdbc.batchUpdate("""
				INSERT INTO insight_figure (month, measure, scope, subject, channel, value, cases, source)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows, new int[] { Types.DATE, Types.VARCHAR, Types.VARCHAR,
				Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.BIGINT, Types.VARCHAR });
		return true;
	}

	/**
	 * Records that the source is up to date through {@code through} (and, after a whole
	 * recomputation, that it was recomputed whole then), bumps its revision when a month
	 * was stored (the pages' caches on every node are dropped only then) and lets the
	 * lease go; only by the lease's holder.
	 */
	boolean refreshed(String source, String node, Instant through, boolean whole, boolean stored) {
		return db.sql("""
				UPDATE insight_source SET refreshed_through = :through,
				       revision = revision + CASE WHEN :stored THEN 1 ELSE 0 END,
				       full_refreshed_at = CASE WHEN :whole THEN :through ELSE full_refreshed_at END,
				       lease_owner = NULL, lease_until = NULL
				WHERE source = :source AND lease_owner = :node""")
			.param("through", Timestamp.from(through))
			.param("whole", whole)
			.param("stored", stored)
			.param("source", source)
			.param("node", node)
			.update() == 1;
	}

	/** Lets the lease go without recording progress (the source failed). */
	void release(String source, String node) {
		db.sql("UPDATE insight_source SET lease_owner = NULL, lease_until = NULL WHERE source = :source AND lease_owner = :node")
			.param("source", source)
			.param("node", node)
			.update();
	}

}
