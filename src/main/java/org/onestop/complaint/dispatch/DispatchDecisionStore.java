package org.onestop.complaint.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dispatchers' lead-department decisions, the model's training rows. */
@Repository
class DispatchDecisionStore {

	private static final String INSERT = """
			INSERT INTO complaint_dispatch_decision (category_code, text, lead_department, decided_at)
			VALUES (:category, :text, :department, :decidedAt)""";

	private static final String VERSION = """
			SELECT count(*) AS decisions, coalesce(max(id), 0) AS newest FROM complaint_dispatch_decision""";

	private static final String ALL = """
			SELECT id, category_code, text, lead_department FROM complaint_dispatch_decision ORDER BY id""";

	/**
	 * How far the table has grown: rows are only ever added, so an unchanged count and
	 * newest id mean unchanged rows (the count catches a row whose transaction committed
	 * after one with a higher id).
	 */
	record Version(long decisions, long newest) {
	}

	/** A stored decision with its id, by which its words are kept between trainings. */
	record Stored(long id, DispatchDecision decision) {
	}

	private final JdbcClient db;

	DispatchDecisionStore(JdbcClient db) {
		this.db = db;
	}

	void insert(DispatchDecision decision, Instant decidedAt) {
		db.sql(INSERT)
			.param("category", decision.categoryCode())
			.param("text", decision.text())
			.param("department", decision.leadDepartment())
			.param("decidedAt", Timestamp.from(decidedAt))
			.update();
	}

	Version version() {
		return db.sql(VERSION).query((rs, row) -> new Version(rs.getLong("decisions"), rs.getLong("newest"))).single();
	}

	List<Stored> all() {
		return db.sql(ALL)
			.query((rs, row) -> new Stored(rs.getLong("id"),
					new DispatchDecision(rs.getString("category_code"), rs.getString("text"),
							rs.getString("lead_department"))))
			.list();
	}

}
