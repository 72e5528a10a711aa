package org.onestop.complaint;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaints' handoffs, for {@link ComplaintTraces}. */
@Repository
class ComplaintTraceQueries {

	private final JdbcClient db;

	ComplaintTraceQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<ComplaintTraces.ComplaintTrace> complaint(UUID id) {
		return db.sql("""
				SELECT c.id, c.category_code, greatest(c.dispatch_count - 1, 0) AS redispatches,
				       (SELECT count(*) FROM complaint_return r WHERE r.complaint_id = c.id)::int AS returns,
				       c.reopen_count
				FROM complaint c WHERE c.id = :id""")
			.param("id", id)
			.query((rs, n) -> new ComplaintTraces.ComplaintTrace(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.optional();
	}

}
