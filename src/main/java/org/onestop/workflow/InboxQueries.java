package org.onestop.workflow;

import java.util.Collection;
import java.util.List;

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

	/**
	 * Tasks the groups are candidates for, whoever holds them, and tasks the person
	 * holds: the same set as the task query's or(assignee, candidate groups ignoring
	 * assignee).
	 */
	private static final String INBOX = """
			SELECT t.id_, t.create_time_ FROM act_ru_task t
			WHERE t.id_ IN (SELECT l.task_id_ FROM act_ru_identitylink l
			                WHERE l.group_id_ = ANY(CAST(:groups AS text[])) AND l.type_ = 'candidate')
			UNION
			SELECT t.id_, t.create_time_ FROM act_ru_task t WHERE t.assignee_ = :username""";

	private final JdbcClient db;

	InboxQueries(JdbcClient db) {
		this.db = db;
	}

	long count(String username, Collection<String> groups) {
		return db.sql("SELECT count(*) FROM (" + INBOX + ") inbox")
			.param("groups", groups.toArray(String[]::new))
			.param("username", username)
			.query(Long.class)
			.single();
	}

	/**
	 * Ids of one page, oldest first (then by id, so that tasks created in the same
	 * millisecond keep their place from page to page).
	 */
	List<String> page(String username, Collection<String> groups, int first, int max) {
		return db.sql("SELECT id_ FROM (" + INBOX + ") inbox ORDER BY create_time_, id_ LIMIT :max OFFSET :first")
			.param("groups", groups.toArray(String[]::new))
			.param("username", username)
			.param("max", max)
			.param("first", first)
			.query(String.class)
			.list();
	}

}
