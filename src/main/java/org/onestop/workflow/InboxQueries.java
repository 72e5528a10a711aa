package org.onestop.workflow;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which open tasks make up a page of an inbox, read from Flowable's runtime tables
 * directly (issue 18). Flowable's task query tests every open task of every department
 * against the candidate links (a correlated EXISTS per task), to count them and again to
 * page them: at 100,000 open tasks that was every call's cost. Here the caller's
 * candidate links are read first, by group (index act_ru_identitylink_inbox), and joined
 * to their tasks, so a call costs what the caller's own inbox holds.
 */
@Repository
class InboxQueries {

	private static final Logger log = LoggerFactory.getLogger(InboxQueries.class);

	/**
	 * Tasks the groups are candidates for, whoever holds them, and tasks the person
	 * holds: the same set as the task query's or(assignee, candidate groups ignoring
	 * assignee). Counted from the indexes alone (act_ru_identitylink_inbox,
	 * act_ru_task_inbox_assignee).
	 */
	private static final String COUNT = """
			SELECT count(*) FROM (
			  SELECT l.task_id_ FROM act_ru_identitylink l
			  WHERE l.group_id_ = ANY(CAST(:groups AS text[])) AND l.type_ = 'candidate'
			  UNION
			  SELECT t.id_ FROM act_ru_task t WHERE t.assignee_ = :username) inbox""";

	/**
	 * A full inbox's page: the open tasks in page order (act_ru_task_inbox_order), each
	 * tested against the caller's links until the page is full; cheap while the caller's
	 * tasks are not rare among all open tasks.
	 */
	private static final String PAGE_WALKED = """
			SELECT t.id_ FROM act_ru_task t
			WHERE t.assignee_ = :username
			   OR EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate'
			              AND l.group_id_ = ANY(CAST(:groups AS text[])))
			ORDER BY t.create_time_, t.id_ LIMIT :max OFFSET :first""";

	/**
	 * A small inbox's page: its few tasks gathered by link and sorted, rather than
	 * walking every open task to find them.
	 */
	private static final String PAGE_GATHERED = """
			SELECT id_ FROM (
			  SELECT t.id_, t.create_time_ FROM act_ru_task t
			  WHERE t.id_ IN (SELECT l.task_id_ FROM act_ru_identitylink l
			                  WHERE l.group_id_ = ANY(CAST(:groups AS text[])) AND l.type_ = 'candidate')
			  UNION
			  SELECT t.id_, t.create_time_ FROM act_ru_task t WHERE t.assignee_ = :username) inbox
			ORDER BY create_time_, id_ LIMIT :max OFFSET :first""";

	/**
	 * Below this many tasks in the inbox, gathering them costs less than walking all open
	 * tasks in order.
	 */
	static final long SMALL_INBOX = 2_000;

	private final JdbcClient db;

	InboxQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Makes the indexes the inbox reads by, when missing (issue 18). They are on
	 * Flowable's tables, which the engine creates after Flyway has run, so no migration
	 * can make them on a new database: {@link InboxIndexes} calls this once the engine
	 * stands. Flowable's own indexes have the candidate links by group alone (so each
	 * link's task and type needed a heap visit), nothing on the assignee (so "tasks I
	 * hold" read every open task), and creation time without the id the page is also
	 * ordered by.
	 */
	void makeIndexes() {
		makeIndex(() -> db.sql(
				"CREATE INDEX IF NOT EXISTS act_ru_identitylink_inbox ON act_ru_identitylink (group_id_, type_, task_id_)")
			.update());
		makeIndex(() -> db.sql("CREATE INDEX IF NOT EXISTS act_ru_task_inbox_assignee ON act_ru_task (assignee_)")
			.update());
		makeIndex(() -> db.sql("CREATE INDEX IF NOT EXISTS act_ru_task_inbox_order ON act_ru_task (create_time_, id_)")
			.update());
	}

	private static void makeIndex(Runnable statement) {
		try {
			statement.run();
		}
		catch (DataAccessException ex) {
			// Two nodes starting at once: the other one made it (or is making it).
			log.info("Inbox index not made here ({}); another node has it", ex.getMostSpecificCause().getMessage());
		}
	}

	long count(String username, Collection<String> groups) {
		return db.sql(COUNT)
			.param("groups", groups.toArray(String[]::new))
			.param("username", username)
			.query(Long.class)
			.single();
	}

	/**
	 * Ids of one page, oldest first (then by id, so that tasks created in the same
	 * millisecond keep their place from page to page); {@code total} is what
	 * {@link #count} answered, which decides how the page is found.
	 */
	List<String> page(String username, Collection<String> groups, long total, int first, int max) {
		return db.sql(total < SMALL_INBOX ? PAGE_GATHERED : PAGE_WALKED)
			.param("groups", groups.toArray(String[]::new))
			.param("username", username)
			.param("max", max)
			.param("first", first)
			.query(String.class)
			.list();
	}

}
