package org.onestop.workflow;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which open tasks make up a page of an inbox, read from Flowable's runtime tables
 * directly (issue 18). Flowable's task query tests every open task of every department
 * against the candidate links (a correlated EXISTS per task), to count them and again to
 * page them, and then loads every variable of every page task's process to find one: at
 * 100,000 open tasks that was every call's cost. Here a page costs what the page holds,
 * and the count what the caller's own inbox holds (remembered a few seconds when large).
 */
@Repository
class InboxQueries {

	private static final Logger log = LoggerFactory.getLogger(InboxQueries.class);

	/**
	 * Tasks the groups are candidates for, whoever holds them (a task may name several of
	 * the caller's groups, hence DISTINCT): from the index act_ru_identitylink_inbox
	 * alone.
	 */
	private static final String GROUPS_COUNT = """
			SELECT count(DISTINCT l.task_id_) FROM act_ru_identitylink l
			WHERE l.group_id_ = ANY(CAST(:groups AS text[])) AND l.type_ = 'candidate'""";

	/** Tasks the person holds that none of their groups is a candidate for. */
	private static final String HELD_ELSEWHERE_COUNT = """
			SELECT count(*) FROM act_ru_task t
			WHERE t.assignee_ = :username
			  AND NOT EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate'
			                  AND l.group_id_ = ANY(CAST(:groups AS text[])))""";

	/**
	 * A full inbox's page: the open tasks in page order (act_ru_task_inbox_order), each
	 * tested against the caller's links until the page is full; cheap while the caller's
	 * tasks are not rare among all open tasks. The test is a scalar subquery with LIMIT
	 * so that it stays one index probe per task walked: as an EXISTS, PostgreSQL hashes
	 * all of the caller's links first, which costs the whole inbox on every page.
	 */
	private static final String PAGE_WALKED = """
			SELECT t.id_, t.create_time_ FROM act_ru_task t
			WHERE t.assignee_ = :username
			   OR (SELECT true FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate'
			       AND l.group_id_ = ANY(CAST(:groups AS text[])) LIMIT 1)
			ORDER BY t.create_time_, t.id_ LIMIT :max OFFSET :first""";

	/**
	 * A small inbox's page: its few tasks gathered by link and sorted, rather than
	 * walking every open task to find them.
	 */
	private static final String PAGE_GATHERED = """
			SELECT id_, create_time_ FROM (
			  SELECT t.id_, t.create_time_ FROM act_ru_task t
			  WHERE t.id_ IN (SELECT l.task_id_ FROM act_ru_identitylink l
			                  WHERE l.group_id_ = ANY(CAST(:groups AS text[])) AND l.type_ = 'candidate')
			  UNION
			  SELECT t.id_, t.create_time_ FROM act_ru_task t WHERE t.assignee_ = :username) inbox
			ORDER BY create_time_, id_ LIMIT :max OFFSET :first""";

	/**
	 * What the inbox shows of each page task, in the same statement as the page: its case
	 * (the process variable {@code caseId}, set at the start) and its candidate groups.
	 */
	private static final String WITH_DETAILS = """
			WITH page AS (%s)
			SELECT t.id_, t.proc_inst_id_, t.task_def_key_, t.name_, t.assignee_, t.create_time_, t.due_date_,
			  (SELECT v.text_ FROM act_ru_variable v WHERE v.execution_id_ = t.proc_inst_id_ AND v.task_id_ IS NULL
			   AND v.name_ = 'caseId' LIMIT 1) AS case_id,
			  ARRAY(SELECT l.group_id_ FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate'
			        AND l.group_id_ IS NOT NULL) AS candidate_groups
			FROM page JOIN act_ru_task t ON t.id_ = page.id_
			ORDER BY page.create_time_, page.id_""";

	private static final String PAGE_WALKED_WITH_DETAILS = WITH_DETAILS.formatted(PAGE_WALKED);

	private static final String PAGE_GATHERED_WITH_DETAILS = WITH_DETAILS.formatted(PAGE_GATHERED);

	/**
	 * Below this many tasks in the inbox, gathering them costs less than walking all open
	 * tasks in order, and counting them costs too little to remember.
	 */
	static final long SMALL_INBOX = 2_000;

	private final JdbcClient db;

	/**
	 * How many tasks a set of groups is a candidate for, remembered per node when large:
	 * counting 12,000 links is most of a call's cost, and a total seen a few seconds late
	 * ("1–50 of 12,505" while it is 12,507) misleads nobody. Small counts are always
	 * counted afresh, so a task that arrives in a small inbox shows at once.
	 */
	private final Cache<Set<String>, Long> largeCounts;

	InboxQueries(JdbcClient db, @Value("${onestop.workflow.inbox-count-memory:PT5S}") Duration remembered) {
		this.db = db;
		this.largeCounts = Caffeine.newBuilder().maximumSize(1_000).expireAfter(new Expiry<Set<String>, Long>() {
			@Override
			public long expireAfterCreate(Set<String> groups, Long count, long now) {
				return count >= SMALL_INBOX ? remembered.toNanos() : 0;
			}

			@Override
			public long expireAfterUpdate(Set<String> groups, Long count, long now, long current) {
				return expireAfterCreate(groups, count, now);
			}

			@Override
			public long expireAfterRead(Set<String> groups, Long count, long now, long current) {
				return current;
			}
		}).build();
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

	/**
	 * Tasks the groups are candidates for, whoever holds them, and tasks the person
	 * holds: the same set as the task query's or(assignee, candidate groups ignoring
	 * assignee).
	 */
	long count(String username, Collection<String> groups) {
		Set<String> key = new TreeSet<>(groups);
		String[] named = key.toArray(String[]::new);
		long candidate = key.isEmpty() ? 0 : largeCounts.get(Set.copyOf(key),
				k -> db.sql(GROUPS_COUNT).param("groups", named).query(Long.class).single());
		return candidate + db.sql(HELD_ELSEWHERE_COUNT)
			.param("groups", named)
			.param("username", username)
			.query(Long.class)
			.single();
	}

	/**
	 * One page, oldest first (then by id, so that tasks created in the same millisecond
	 * keep their place from page to page); {@code total} is what {@link #count} answered,
	 * which decides how the page is found.
	 */
	List<WorkTask> page(String username, Collection<String> groups, long total, int first, int max) {
		return db.sql(total < SMALL_INBOX ? PAGE_GATHERED_WITH_DETAILS : PAGE_WALKED_WITH_DETAILS)
			.param("groups", groups.toArray(String[]::new))
			.param("username", username)
			.param("max", max)
			.param("first", first)
			.query(InboxQueries::task)
			.list();
	}

	private static WorkTask task(ResultSet row, int n) throws SQLException {
		Timestamp due = row.getTimestamp("due_date_");
		return new WorkTask(row.getString("id_"), row.getString("case_id"), row.getString("proc_inst_id_"),
				row.getString("task_def_key_"), row.getString("name_"), row.getString("assignee_"),
				groups(row.getArray("candidate_groups")), row.getTimestamp("create_time_").toInstant(),
				due == null ? null : due.toInstant());
	}

	private static Set<String> groups(Array array) throws SQLException {
		return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
	}

}
