package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code discretion_log}, append-only. */
@Repository
class DiscretionStore {

	private final JdbcClient db;

	DiscretionStore(JdbcClient db) {
		this.db = db;
	}

	void append(UUID applicationId, Instant at, String actor, String department, String outcome, String adjustedRule,
			String justification) {
		db.sql("""
				INSERT INTO discretion_log (application_id, at, actor, department, outcome, adjusted_rule, justification)
				VALUES (:a, :at, :actor, :dept, :outcome, :rule, :why)""")
			.param("a", applicationId)
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("dept", department)
			.param("outcome", outcome)
			.param("rule", adjustedRule)
			.param("why", justification)
			.update();
	}

	/** The latest 500 entries, of every department or of one. */
	List<DiscretionLog.Entry> latest(boolean allDepartments, String department) {
		return db.sql("""
				SELECT id, application_id, at, actor, department, outcome, adjusted_rule, justification
				FROM discretion_log WHERE :all OR department = :d ORDER BY id DESC LIMIT 500""")
			.param("all", allDepartments)
			.param("d", department)
			.query(DiscretionLog.Entry.class)
			.list();
	}

}
