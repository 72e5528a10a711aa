package org.onestop.evaluation.cause;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A department's bad ratings (不满意 or worse, not excluded) and the causes they carry,
 * counted per matter. A rating counts once per cause, however the cause was recorded; the
 * reasons the citizen ticked are causes too, read from the rating itself.
 */
@Repository
class CauseQueries {

	/** The bad ratings of the department in the period, per matter ('' for none). */
	private static final String BAD = """
			SELECT r.id, coalesce(r.service_code, '') AS matter, r.reasons
			FROM rating r
			WHERE r.department = :department AND r.level <= 2 AND NOT r.excluded
			  AND r.created_at >= :from AND r.created_at < :to""";

	private final JdbcClient db;

	CauseQueries(JdbcClient db) {
		this.db = db;
	}

	/** How many bad ratings one matter has. */
	record Total(String matter, long ratings) {
	}

	/**
	 * How many of a matter's bad ratings carry one cause.
	 *
	 * @param label the rule's label as the citizen was told it, for rules
	 */
	record Hit(String matter, String kind, String key, long ratings, String label) {
	}

	List<Total> totals(String department, Instant from, Instant to) {
		return db.sql("SELECT matter, count(*) FROM (" + BAD + ") bad GROUP BY matter ORDER BY count(*) DESC, matter")
			.param("department", department)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Total(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/**
	 * Every cause of the period's bad ratings but the matter itself (the grouping). A
	 * wait counts only when over the threshold, trips only when over the matter's
	 * promise.
	 */
	List<Hit> hits(String department, Instant from, Instant to) {
		return db
			.sql("WITH bad AS (" + BAD
					+ """
							)
							SELECT matter, kind, key, count(DISTINCT id) AS ratings, max(label) AS label FROM (
							    SELECT b.matter, c.kind, c.key, b.id, c.detail ->> 'label' AS label
							    FROM bad b JOIN rating_cause c ON c.rating_id = b.id
							    WHERE c.kind NOT IN ('MATTER', 'REASON')
							      AND (c.kind <> 'WAIT' OR (c.detail ->> 'minutes')::numeric > :over)
							      AND (c.kind <> 'TRIPS' OR c.key = 'over-max')
							    UNION ALL
							    SELECT b.matter, 'REASON', reason, b.id, NULL FROM bad b CROSS JOIN LATERAL unnest(b.reasons) AS reason
							) causes
							GROUP BY matter, kind, key
							ORDER BY matter, ratings DESC, kind, key""")
			.param("department", department)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("over", Keys.WAIT_OVER_MINUTES)
			.query((rs, n) -> new Hit(rs.getString("matter"), rs.getString("kind"), rs.getString("key"),
					rs.getLong("ratings"), rs.getString("label")))
			.list();
	}

}
