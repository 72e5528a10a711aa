package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hourly counts of starts per caller ({@code assistant_quota}), by upserts that every
 * node shares.
 */
@Component
class QuotaStore {

	private static final String COUNT = """
			INSERT INTO assistant_quota AS q (caller, kind, window_start, used) VALUES (:caller, :kind, :now, 1)
			ON CONFLICT (caller, kind) DO UPDATE SET
			    used = CASE WHEN q.window_start <= :expired THEN 1 ELSE q.used + 1 END,
			    window_start = CASE WHEN q.window_start <= :expired THEN :now ELSE q.window_start END
			RETURNING used""";

	private static final String PURGE = "DELETE FROM assistant_quota WHERE window_start <= :expired";

	private final JdbcClient db;

	QuotaStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Counts one start of the caller; a window that began at or before {@code expired}
	 * starts again. The count.
	 */
	int count(String caller, AssistantQuota.Kind kind, Instant now, Instant expired) {
		return db.sql(COUNT)
			.param("caller", caller)
			.param("kind", kind.name())
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(expired))
			.query(Integer.class)
			.single();
	}

	/** Forgets the windows that began at or before {@code expired}. */
	void purge(Instant expired) {
		db.sql(PURGE).param("expired", Timestamp.from(expired)).update();
	}

}
