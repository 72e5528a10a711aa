package org.onestop.application;

import java.util.List;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every decision taken with discretion, as the page reads it: auditors see all departments,
 * supervisors and heads of department their own.
 */
@Component
class DiscretionLog {

	private final JdbcClient db;

	DiscretionLog(JdbcClient db) {
		this.db = db;
	}

	List<ApplicationPages.DiscretionEntry> readableBy(OneStopUser staff) {
		return db.sql("""
				SELECT id, application_id, at, actor, department, outcome, adjusted_rule, justification
				FROM discretion_log WHERE :all OR department = :d ORDER BY id DESC LIMIT 500""")
			.param("all", staff.has(Role.AUDITOR)).param("d", staff.department()).query(ApplicationPages.DiscretionEntry.class).list();
	}
}
