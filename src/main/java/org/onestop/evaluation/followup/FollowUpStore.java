package org.onestop.evaluation.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of {@code follow_up}, {@code follow_up_event} and
 * {@code evaluation_department}. Every change is one conditional statement, so that two
 * nodes or two members of staff never both make it.
 */
@Repository
class FollowUpStore {

	private static final String COLUMNS = """
			id, rating_id, department, status, opened_at, contact_due, reply_due, warn_at, contacted_at, contacted_by,
			contact_note, replied_at, replied_by, reply, rectified, no_legal_basis, promised_date, citizen_verdict,
			verdict_at, warned_at, escalated_at, version, first_replied_at, first_reply""";

	private final JdbcClient db;

	FollowUpStore(JdbcClient db) {
		this.db = db;
	}

	/** A claimed follow-up the sweep tells someone about. */
	record Claimed(UUID id, String department) {
	}

	/**
	 * Opens one; false when the rating already has one (the listener ran twice) or was
	 * excluded by a supervisor, whose decision is final.
	 */
	boolean open(UUID id, UUID ratingId, String department, Instant now, FollowUpClock.Dues dues) {
		return db.sql("""
				INSERT INTO follow_up (id, rating_id, department, status, opened_at, contact_due, reply_due, warn_at,
				                       changed_at)
				SELECT :id, r.id, :department, 'OPEN', :now, :contact, :reply, :warn, :now
				FROM rating r WHERE r.id = :rating AND NOT r.excluded
				ON CONFLICT (rating_id) DO NOTHING""")
			.param("id", id)
			.param("rating", ratingId)
			.param("department", department)
			.param("now", ts(now))
			.param("contact", ts(dues.contact()))
			.param("reply", ts(dues.reply()))
			.param("warn", ts(dues.warn()))
			.update() == 1;
	}

	/**
	 * A withdrawn follow-up whose rating fell back to bad opens again, clocks anew: the
	 * department contacts the citizen again, so an earlier contact is cleared (the events
	 * keep it). Never for an excluded rating.
	 */
	Optional<UUID> reopen(UUID ratingId, Instant now, FollowUpClock.Dues dues) {
		return db
			.sql("""
					UPDATE follow_up SET status = 'OPEN', opened_at = :now, contact_due = :contact, reply_due = :reply,
					    warn_at = :warn, warned_at = NULL, escalated_at = NULL, contact_escalated_at = NULL,
					    contacted_at = NULL, contacted_by = NULL, contact_note = NULL, changed_at = :now, version = version + 1
					WHERE rating_id = :rating AND status = 'WITHDRAWN'
					  AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.id = :rating AND r.excluded)
					RETURNING id""")
			.param("rating", ratingId)
			.param("now", ts(now))
			.param("contact", ts(dues.contact()))
			.param("reply", ts(dues.reply()))
			.param("warn", ts(dues.warn()))
			.query(UUID.class)
			.optional();
	}

	/**
	 * Withdraws the rating's follow-up if it is in one of these statuses; answers its id.
	 */
	Optional<UUID> withdraw(UUID ratingId, List<String> from, Instant now) {
		return db.sql("""
				UPDATE follow_up SET status = 'WITHDRAWN', changed_at = :now, version = version + 1
				WHERE rating_id = :rating AND status IN (:from) RETURNING id""")
			.param("rating", ratingId)
			.param("from", from)
			.param("now", ts(now))
			.query(UUID.class)
			.optional();
	}

	/**
	 * Adds a step; the detail's values are kept as text, built into JSON by the database
	 * (nothing reads them as numbers).
	 */
	void event(UUID followUpId, Instant at, String kind, String actor, Map<String, ?> detail) {
		Map<String, ?> details = detail == null ? Map.of() : detail;
		db.sql("""
				INSERT INTO follow_up_event (follow_up_id, at, kind, actor, detail)
				VALUES (:id, :at, :kind, :actor, jsonb_object(CAST(:keys AS text[]), CAST(:values AS text[])))""")
			.param("id", followUpId)
			.param("at", ts(at))
			.param("kind", kind)
			.param("actor", actor)
			.param("keys", details.keySet().toArray(String[]::new))
			.param("values", details.values().stream().map(String::valueOf).toArray(String[]::new))
			.update();
	}

	Optional<FollowUp> byId(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM follow_up WHERE id = :id")
			.param("id", id)
			.query(FollowUpStore::followUp)
			.optional();
	}

	Optional<FollowUp> byRating(UUID ratingId) {
		return db.sql("SELECT " + COLUMNS + " FROM follow_up WHERE rating_id = :rating")
			.param("rating", ratingId)
			.query(FollowUpStore::followUp)
			.optional();
	}

	/** The department's follow-ups in these statuses, the soonest due first. */
	List<FollowUp> ofDepartment(String department, List<String> statuses) {
		return db
			.sql("SELECT " + COLUMNS + " FROM follow_up WHERE department = :department AND status IN (:statuses)"
					+ " ORDER BY reply_due, opened_at LIMIT 500")
			.param("department", department)
			.param("statuses", statuses)
			.query(FollowUpStore::followUp)
			.list();
	}

	/** Verified: the citizen was contacted. Only from OPEN, and only the version read. */
	boolean contact(UUID id, int version, Instant now, String actor, String note) {
		return db.sql("""
				UPDATE follow_up SET status = 'CONTACTED', contacted_at = :now, contacted_by = :actor,
				    contact_note = :note, changed_at = :now, version = version + 1
				WHERE id = :id AND version = :version AND status = 'OPEN'""")
			.param("id", id)
			.param("version", version)
			.param("now", ts(now))
			.param("actor", actor)
			.param("note", note)
			.update() == 1;
	}

	/**
	 * The reply: to REPLIED or LEDGER. Only from CONTACTED, or from LEDGER once the fix
	 * is done, and only the version read, so that of two replies one is kept. The first
	 * reply's time and words stay: whether the department replied on time is decided by
	 * the first (a dated promise on the ledger, in time, is a reply in time), and the
	 * citizen reads what was promised beside the final answer.
	 */
	boolean reply(UUID id, int version, String status, Instant now, String actor, String text, boolean rectified,
			boolean noLegalBasis, LocalDate promisedDate) {
		return db.sql("""
				UPDATE follow_up SET status = :status, replied_at = :now, replied_by = :actor, reply = :text,
				    rectified = :rectified, no_legal_basis = :noLegalBasis, promised_date = :promised,
				    first_replied_at = coalesce(first_replied_at, :now),
				    first_reply = CASE WHEN first_replied_at IS NULL THEN :text ELSE first_reply END,
				    changed_at = :now, version = version + 1
				WHERE id = :id AND version = :version AND status IN ('CONTACTED', 'LEDGER')""")
			.param("id", id)
			.param("version", version)
			.param("status", status)
			.param("now", ts(now))
			.param("actor", actor)
			.param("text", text)
			.param("rectified", rectified)
			.param("noLegalBasis", noLegalBasis)
			.param("promised", promisedDate)
			.update() == 1;
	}

	/**
	 * The citizen's answer to the final reply: once, and closes the follow-up. Not while
	 * it is on the ledger: nothing has been put right yet, and an answer to the promise
	 * would use up the citizen's only say on the fix itself.
	 */
	boolean verdict(UUID id, String verdict, Instant now) {
		return db.sql("""
				UPDATE follow_up SET citizen_verdict = :verdict, verdict_at = :now,
				    status = 'CLOSED', changed_at = :now, version = version + 1
				WHERE id = :id AND citizen_verdict IS NULL AND status = 'REPLIED'""")
			.param("id", id)
			.param("verdict", verdict)
			.param("now", ts(now))
			.update() == 1;
	}

	/**
	 * Claims the follow-ups whose reply is due within a working day and whose department
	 * was not yet warned. The conditional UPDATE takes each row once: a second node's
	 * sweep waits on the row lock, sees {@code warned_at} set and skips it.
	 */
	List<Claimed> claimWarnings(Instant now) {
		return db.sql("""
				UPDATE follow_up SET warned_at = :now, changed_at = :now
				WHERE status IN ('OPEN', 'CONTACTED') AND warned_at IS NULL AND warn_at <= :now AND reply_due > :now
				RETURNING id, department""")
			.param("now", ts(now))
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("department")))
			.list();
	}

	/** Claims the overdue follow-ups whose head was not yet told, each once. */
	List<Claimed> claimEscalations(Instant now) {
		return db.sql("""
				UPDATE follow_up SET escalated_at = :now, changed_at = :now
				WHERE status IN ('OPEN', 'CONTACTED') AND escalated_at IS NULL AND reply_due <= :now
				RETURNING id, department""")
			.param("now", ts(now))
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("department")))
			.list();
	}

	/**
	 * Claims the follow-ups nobody contacted the citizen for by the contact (verify)
	 * deadline, each once, as {@link #claimWarnings} does.
	 */
	List<Claimed> claimContactEscalations(Instant now) {
		return db.sql("""
				UPDATE follow_up SET contact_escalated_at = :now, changed_at = :now
				WHERE status = 'OPEN' AND contact_escalated_at IS NULL AND contact_due <= :now
				RETURNING id, department""")
			.param("now", ts(now))
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("department")))
			.list();
	}

	/** The department's own time to reply, if it set one. */
	Optional<Integer> replyWorkingDays(String department) {
		return db.sql("SELECT reply_working_days FROM evaluation_department WHERE department = :department")
			.param("department", department)
			.query(Integer.class)
			.optional();
	}

	/** Every department's own setting. */
	Map<String, Integer> replyWorkingDays() {
		return db.sql("SELECT department, reply_working_days FROM evaluation_department")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Sets a department's time to reply; answers the earlier setting, if any. */
	Optional<Integer> setReplyWorkingDays(String department, int days, String actor, Instant now) {
		Optional<Integer> before = replyWorkingDays(department);
		db.sql("""
				INSERT INTO evaluation_department (department, reply_working_days, changed_by, changed_at)
				VALUES (:department, :days, :actor, :now)
				ON CONFLICT (department) DO UPDATE SET reply_working_days = EXCLUDED.reply_working_days,
				    changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at""")
			.param("department", department)
			.param("days", days)
			.param("actor", actor)
			.param("now", ts(now))
			.update();
		return before;
	}

	/** One step of a follow-up's history. */
	record Event(Instant at, String kind, String actor) {
	}

	List<Event> events(UUID followUpId) {
		return db.sql("SELECT at, kind, actor FROM follow_up_event WHERE follow_up_id = :id ORDER BY id")
			.param("id", followUpId)
			.query((rs, row) -> new Event(instant(rs, "at"), rs.getString("kind"), rs.getString("actor")))
			.list();
	}

	private static FollowUp followUp(ResultSet rs, int row) throws SQLException {
		return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("rating_id", UUID.class),
				rs.getString("department"), rs.getString("status"), instant(rs, "opened_at"),
				instant(rs, "contact_due"), instant(rs, "reply_due"), instant(rs, "warn_at"),
				instant(rs, "contacted_at"), rs.getString("contacted_by"), rs.getString("contact_note"),
				instant(rs, "replied_at"), rs.getString("replied_by"), rs.getString("reply"),
				rs.getObject("rectified", Boolean.class), rs.getBoolean("no_legal_basis"),
				rs.getObject("promised_date", LocalDate.class), rs.getString("citizen_verdict"),
				instant(rs, "verdict_at"), instant(rs, "warned_at"), instant(rs, "escalated_at"), rs.getInt("version"),
				instant(rs, "first_replied_at"), rs.getString("first_reply"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
