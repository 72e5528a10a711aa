package org.onestop.workflow;

import org.flowable.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indexes {@link InboxQueries} reads by (issue 18). They are on Flowable's tables,
 * which the engine creates after Flyway has run (FlowableConfiguration), so no migration
 * can make them on a new database: they are made here, once the engine stands, and are
 * left as they are on every later start. Flowable's own indexes have the candidate links
 * by group alone (so each link's task and type needed a heap visit) and nothing on the
 * assignee (so "tasks I hold" read every open task), and creation time without the id the
 * page is also ordered by.
 */
@Component
class InboxIndexes {

	private static final Logger log = LoggerFactory.getLogger(InboxIndexes.class);

	private static final String[] INDEXES = {
			"CREATE INDEX IF NOT EXISTS act_ru_identitylink_inbox ON act_ru_identitylink (group_id_, type_, task_id_)",
			"CREATE INDEX IF NOT EXISTS act_ru_task_inbox_assignee ON act_ru_task (assignee_)",
			"CREATE INDEX IF NOT EXISTS act_ru_task_inbox_order ON act_ru_task (create_time_, id_)" };

	/** The engine is asked for so that its tables exist before these statements run. */
	InboxIndexes(ProcessEngine engine, JdbcClient db) {
		for (String index : INDEXES) {
			try {
				db.sql(index).update();
			}
			catch (DataAccessException ex) {
				// Two nodes starting at once: the other one made it (or is making it).
				log.info("Inbox index not made here ({}); another node has it", ex.getMostSpecificCause().getMessage());
			}
		}
	}

}
