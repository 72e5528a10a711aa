package org.onestop.assistant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The callback tasks ({@code assistant_callback}), one precise statement each. */
@Component
class CallbackStore {

	/** A callback escalated just now. */
	record Missed(UUID id, String phone, Instant slot) {
	}

	/** A callback whose reminder this node now sends, to the citizen who booked it. */
	record Upcoming(UUID id, String citizen, String phone, Instant slot) {
	}

	/**
	 * Claims, once across nodes, the open callbacks of signed-in citizens starting within
	 * the lead time and booked before their reminder's window opened.
	 */
	private static final String CLAIM_REMINDERS = """
			UPDATE assistant_callback cb SET reminded_at = :now
			FROM assistant_conversation c
			WHERE c.id = cb.conversation_id AND cb.id IN (
			    SELECT x.id FROM assistant_callback x JOIN assistant_conversation y ON y.id = x.conversation_id
			    WHERE y.citizen IS NOT NULL AND x.done_at IS NULL AND x.reminded_at IS NULL
			      AND x.slot_at > :now AND x.slot_at <= :until AND x.requested_at < x.slot_at - make_interval(secs => :lead)
			    LIMIT :batch FOR UPDATE OF x SKIP LOCKED)
			RETURNING cb.id, c.citizen, cb.phone, cb.slot_at""";

	private final JdbcClient db;

	CallbackStore(JdbcClient db) {
		this.db = db;
	}

	void insert(UUID id, Conversation c, String phone, Instant slot, Instant due, String requestedBy, Instant now,
			Callbacks.FromPage from) {
		db.sql("""
				INSERT INTO assistant_callback (id, conversation_id, pool, phone, slot_at, due_at, requested_by, requested_at,
				  from_page, from_title)
				VALUES (:id, :c, :pool, :phone, :slot, :due, :by, :now, :fromPage, :fromTitle)""")
			.param("id", id)
			.param("c", c.id())
			.param("pool", c.pool())
			.param("phone", phone)
			.param("slot", Timestamp.from(slot))
			.param("due", Timestamp.from(due))
			.param("by", requestedBy)
			.param("now", Timestamp.from(now))
			.param("fromPage", from == null ? null : from.path())
			.param("fromTitle", from == null ? null : from.title())
			.update();
	}

	/**
	 * Waits for any other booking to the same number (on any node) to finish, until the
	 * end of the transaction, so that the cap per number is counted once.
	 */
	void lockPhone(String phone) {
		db.sql("SELECT pg_advisory_xact_lock(hashtext('onestop.callback.phone:' || :p))")
			.param("p", phone)
			.query()
			.singleRow();
	}

	/** How many callbacks to this number were booked since then, whoever asked. */
	long bookedSince(String phone, Instant since) {
		return db.sql("SELECT count(*) FROM assistant_callback WHERE phone = :p AND requested_at > :since")
			.param("p", phone)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** The pool's callbacks not done yet, the most urgent first. */
	List<Callbacks.CallbackTask> open(String pool) {
		return db.sql("SELECT * FROM assistant_callback WHERE pool = :p AND done_at IS NULL ORDER BY due_at")
			.param("p", pool)
			.query(CallbackStore::map)
			.list();
	}

	/** Marks an open callback of the pool done; false when there is none such. */
	boolean done(UUID id, String pool, String agent, AgentDesk.Outcome outcome, UUID complaint, Instant now) {
		return db.sql("""
				UPDATE assistant_callback SET done_by = :a, done_at = :now, outcome = :o, complaint_id = :complaint
				WHERE id = :id AND pool = :p AND done_at IS NULL""")
			.param("a", agent)
			.param("complaint", complaint)
			.param("now", Timestamp.from(now))
			.param("o", outcome.name())
			.param("id", id)
			.param("p", pool)
			.update() == 1;
	}

	/**
	 * Marks every callback not done by its due time as escalated to these heads, once
	 * across nodes; those marked.
	 */
	List<Missed> escalateDue(Instant now, String heads) {
		return db.sql("""
				UPDATE assistant_callback SET escalated_at = :now, escalated_to = :heads
				WHERE escalated_at IS NULL AND done_at IS NULL AND due_at < :now
				RETURNING id, phone, slot_at""")
			.param("now", Timestamp.from(now))
			.param("heads", heads)
			.query((rs, n) -> new Missed(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	List<Upcoming> claimReminders(Instant now, Duration lead, int batch) {
		return db.sql(CLAIM_REMINDERS)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(lead)))
			.param("lead", (double) lead.toSeconds())
			.param("batch", batch)
			.query((rs, n) -> new Upcoming(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	Callbacks.CallbackTask find(UUID id) {
		return db.sql("SELECT * FROM assistant_callback WHERE id = :id")
			.param("id", id)
			.query(CallbackStore::map)
			.single();
	}

	private static Callbacks.CallbackTask map(ResultSet rs, int n) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		Timestamp escalated = rs.getTimestamp("escalated_at");
		return new Callbacks.CallbackTask(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getString("phone"), rs.getTimestamp("slot_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
				rs.getString("requested_by"), rs.getString("done_by"), done == null ? null : done.toInstant(),
				rs.getString("outcome"), escalated == null ? null : escalated.toInstant(),
				rs.getObject("complaint_id", UUID.class), rs.getString("from_page") == null ? null
						: new Callbacks.FromPage(rs.getString("from_page"), rs.getString("from_title")));
	}

}
