package org.onestop.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The complaint tables: complaints, assignments, returns, clocks, verdicts, follow-ups,
 * photos and the timeline. Every move locks the complaint's row first ({@link #lock}), so
 * two nodes acting on one complaint take turns and the second sees the first's result.
 */
@Repository
class ComplaintStore {

	private static final String COLUMNS = """
			id, tracking_code, reporter, channel, category_code, description, address, latitude, longitude,
			contact_name, contact_phone, contact_email, conversation_id, filed_by, open311_client, open311_token,
			urgency_tier, status, lead_department, received_at, dispatched_at, first_contact_due, first_contacted_at,
			reply_due, replied_at, reply_text, waiting_since, waiting_reason, dispatch_count, reopen_count,
			supervisor_flag, escalated, merged_into, closed_at, closure""";

	private static final String INSERT = """
			INSERT INTO complaint (id, tracking_code, reporter, channel, category_code, description, address, latitude,
			    longitude, contact_name, contact_phone, contact_email, conversation_id, filed_by, open311_client,
			    open311_token, urgency_tier, status, received_at, first_contact_due, reply_due, merged_into, closed_at,
			    closure, contact_channel)
			VALUES (:id, :tracking, :reporter, :channel, :category, :description, :address, :latitude, :longitude,
			    :contactName, :contactPhone, :contactEmail, :conversation, :filedBy, :client, :token, :tier, :status,
			    :received, :contactDue, :replyDue, :mergedInto, :closedAt, :closure, :contact)""";

	private static final String UPDATE = """
			UPDATE complaint SET status = :status, lead_department = :lead, dispatched_at = :dispatched,
			    first_contact_due = :contactDue, first_contacted_at = :contacted, reply_due = :replyDue,
			    replied_at = :replied, reply_text = :replyText, waiting_since = :waitingSince,
			    waiting_reason = :waitingReason, dispatch_count = :dispatchCount, reopen_count = :reopenCount,
			    supervisor_flag = :supervisorFlag, escalated = :escalated, merged_into = :mergedInto,
			    closed_at = :closedAt, closure = :closure, category_code = :category, urgency_tier = :tier
			WHERE id = :id""";

	// Great-circle distance in metres (haversine); the category index narrows the rows
	// first.
	private static final String NEARBY = """
			SELECT * FROM (
			    SELECT c.*, 2 * 6371000 * asin(sqrt(power(sin(radians(c.latitude - :lat) / 2), 2)
			        + cos(radians(:lat)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - :lon) / 2), 2)))
			        AS metres
			    FROM complaint c
			    WHERE c.category_code = :category AND c.status <> 'CLOSED' AND c.merged_into IS NULL
			      AND c.received_at >= :since AND c.latitude IS NOT NULL) near
			WHERE metres <= :radius
			ORDER BY metres, received_at
			LIMIT 5""";

	private final JdbcClient db;

	ComplaintStore(JdbcClient db) {
		this.db = db;
	}

	void insert(Complaint c, ContactChannel contact) {
		db.sql(INSERT)
			.param("contact", contact.name())
			.param("id", c.id())
			.param("tracking", c.trackingCode())
			.param("reporter", c.reporter())
			.param("channel", c.channel().name())
			.param("category", c.categoryCode())
			.param("description", c.description())
			.param("address", c.address())
			.param("latitude", c.latitude())
			.param("longitude", c.longitude())
			.param("contactName", c.contactName())
			.param("contactPhone", c.contactPhone())
			.param("contactEmail", c.contactEmail())
			.param("conversation", c.conversationId())
			.param("filedBy", c.filedBy())
			.param("client", c.open311Client())
			.param("token", c.open311Token())
			.param("tier", c.urgencyTier().name())
			.param("status", c.status().name())
			.param("received", ts(c.receivedAt()))
			.param("contactDue", ts(c.firstContactDue()))
			.param("replyDue", ts(c.replyDue()))
			.param("mergedInto", c.mergedInto())
			.param("closedAt", ts(c.closedAt()))
			.param("closure", c.closure() == null ? null : c.closure().name())
			.update();
	}

	void update(Complaint c) {
		db.sql(UPDATE)
			.param("id", c.id())
			.param("status", c.status().name())
			.param("lead", c.leadDepartment())
			.param("dispatched", ts(c.dispatchedAt()))
			.param("contactDue", ts(c.firstContactDue()))
			.param("contacted", ts(c.firstContactedAt()))
			.param("replyDue", ts(c.replyDue()))
			.param("replied", ts(c.repliedAt()))
			.param("replyText", c.replyText())
			.param("waitingSince", ts(c.waitingSince()))
			.param("waitingReason", c.waitingReason())
			.param("dispatchCount", c.dispatchCount())
			.param("reopenCount", c.reopenCount())
			.param("supervisorFlag", c.supervisorFlag())
			.param("escalated", c.escalated())
			.param("mergedInto", c.mergedInto())
			.param("closedAt", ts(c.closedAt()))
			.param("closure", c.closure() == null ? null : c.closure().name())
			.param("category", c.categoryCode())
			.param("tier", c.urgencyTier().name())
			.update();
	}

	/**
	 * Links a complaint an agent filed by phone to the call logged for it: only the
	 * filer's own PHONE complaint that is in no call yet (true when it was).
	 */
	boolean attachCall(UUID id, String agent, UUID call) {
		return db.sql("""
				UPDATE complaint SET conversation_id = :call
				WHERE id = :id AND filed_by = :agent AND channel = 'PHONE' AND conversation_id IS NULL""")
			.param("call", call)
			.param("id", id)
			.param("agent", agent)
			.update() == 1;
	}

	Optional<Complaint> find(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = :id")
			.param("id", id)
			.query(ComplaintStore::complaint)
			.optional();
	}

	/** The row, locked until the caller's transaction ends. */
	Optional<Complaint> lock(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(ComplaintStore::complaint)
			.optional();
	}

	Optional<Complaint> byOpen311Token(String token) {
		return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE open311_token = :token")
			.param("token", token)
			.query(ComplaintStore::complaint)
			.optional();
	}

	List<Complaint> ofReporter(String reporter, int max) {
		return db
			.sql("SELECT " + COLUMNS
					+ " FROM complaint WHERE reporter = :reporter ORDER BY received_at DESC LIMIT :max")
			.param("reporter", reporter)
			.param("max", max)
			.query(ComplaintStore::complaint)
			.list();
	}

	/** The complaints that joined this one. */
	List<Complaint> followers(UUID caseId) {
		return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE merged_into = :id ORDER BY received_at")
			.param("id", caseId)
			.query(ComplaintStore::complaint)
			.list();
	}

	/** What waits for the dispatch centre: new complaints, oldest first. */
	List<Complaint> waitingForDispatch(int max) {
		return db
			.sql("SELECT " + COLUMNS
					+ " FROM complaint WHERE status = 'NEW' ORDER BY escalated DESC, received_at LIMIT :max")
			.param("max", max)
			.query(ComplaintStore::complaint)
			.list();
	}

	/**
	 * What waits for the dispatch centre's head after a third "not solved", oldest first.
	 */
	List<Complaint> awaitingHead(int max) {
		return db
			.sql("SELECT " + COLUMNS + " FROM complaint WHERE status = 'HEAD_DECISION' ORDER BY received_at LIMIT :max")
			.param("max", max)
			.query(ComplaintStore::complaint)
			.list();
	}

	/** Complaints a department leads or co-handles, open ones first by due date. */
	List<Complaint> ofDepartment(String department, int max) {
		return db.sql("SELECT " + COLUMNS + " FROM complaint c " + """
				WHERE EXISTS (SELECT 1 FROM complaint_assignment a WHERE a.complaint_id = c.id
				    AND a.department = :department AND a.ended_at IS NULL)
				ORDER BY (c.status = 'CLOSED'), c.reply_due NULLS LAST, c.received_at LIMIT :max""")
			.param("department", department)
			.param("max", max)
			.query(ComplaintStore::complaint)
			.list();
	}

	record Nearby(Complaint complaint, double metres) {
	}

	List<Nearby> nearby(String category, double latitude, double longitude, int radiusMetres, Instant since) {
		return db.sql(NEARBY)
			.param("category", category)
			.param("lat", latitude)
			.param("lon", longitude)
			.param("radius", radiusMetres)
			.param("since", ts(since))
			.query((rs, row) -> new Nearby(complaint(rs, row), rs.getDouble("metres")))
			.list();
	}

	// Assignments

	void assign(Assignment a) {
		db.sql("""
				INSERT INTO complaint_assignment (id, complaint_id, department, kind, assigned_at, assigned_by, due_at)
				VALUES (:id, :complaint, :department, :kind, :at, :by, :due)""")
			.param("id", a.id())
			.param("complaint", a.complaintId())
			.param("department", a.department())
			.param("kind", a.kind().name())
			.param("at", ts(a.assignedAt()))
			.param("by", a.assignedBy())
			.param("due", ts(a.dueAt()))
			.update();
	}

	List<Assignment> assignments(UUID complaintId) {
		return db
			.sql("SELECT * FROM complaint_assignment WHERE complaint_id = :id ORDER BY assigned_at, kind, department")
			.param("id", complaintId)
			.query(ComplaintStore::assignment)
			.list();
	}

	void endAssignments(UUID complaintId, Instant at, String reason) {
		db.sql("UPDATE complaint_assignment SET ended_at = :at, ended_reason = :reason WHERE complaint_id = :id AND ended_at IS NULL")
			.param("id", complaintId)
			.param("at", ts(at))
			.param("reason", reason)
			.update();
	}

	void acceptAssignment(UUID assignmentId, Instant at) {
		db.sql("UPDATE complaint_assignment SET accepted_at = :at WHERE id = :id AND accepted_at IS NULL")
			.param("id", assignmentId)
			.param("at", ts(at))
			.update();
	}

	void answer(UUID assignmentId, String answer, String by, Instant at) {
		db.sql("UPDATE complaint_assignment SET answer = :answer, answered_by = :by, answered_at = :at WHERE id = :id")
			.param("id", assignmentId)
			.param("answer", answer)
			.param("by", by)
			.param("at", ts(at))
			.update();
	}

	// Returns

	void requestReturn(ReturnRequest r) {
		db.sql("""
				INSERT INTO complaint_return (id, complaint_id, assignment_id, department, reason, requested_at,
				    requested_by)
				VALUES (:id, :complaint, :assignment, :department, :reason, :at, :by)""")
			.param("id", r.id())
			.param("complaint", r.complaintId())
			.param("assignment", r.assignmentId())
			.param("department", r.department())
			.param("reason", r.reason())
			.param("at", ts(r.requestedAt()))
			.param("by", r.requestedBy())
			.update();
	}

	List<ReturnRequest> returns(UUID complaintId) {
		return db.sql("SELECT * FROM complaint_return WHERE complaint_id = :id ORDER BY requested_at")
			.param("id", complaintId)
			.query(ComplaintStore::returnRequest)
			.list();
	}

	List<ReturnRequest> pendingReturns(int max) {
		return db.sql("SELECT * FROM complaint_return WHERE decided_at IS NULL ORDER BY requested_at LIMIT :max")
			.param("max", max)
			.query(ComplaintStore::returnRequest)
			.list();
	}

	void decideReturn(UUID returnId, boolean accepted, String reason, String by, Instant at) {
		db.sql("""
				UPDATE complaint_return SET accepted = :accepted, decision_reason = :reason, decided_by = :by,
				    decided_at = :at WHERE id = :id AND decided_at IS NULL""")
			.param("id", returnId)
			.param("accepted", accepted)
			.param("reason", reason)
			.param("by", by)
			.param("at", ts(at))
			.update();
	}

	// Clocks

	void startClock(ComplaintClock c) {
		db.sql("""
				INSERT INTO complaint_clock (id, complaint_id, kind, round, started_at, warn_at, due_at, escalate_at)
				VALUES (:id, :complaint, :kind, :round, :started, :warn, :due, :escalate)""")
			.param("id", c.id())
			.param("complaint", c.complaintId())
			.param("kind", c.kind().name())
			.param("round", c.round())
			.param("started", ts(c.startedAt()))
			.param("warn", ts(c.warnAt()))
			.param("due", ts(c.dueAt()))
			.param("escalate", ts(c.escalateAt()))
			.update();
	}

	void updateClock(ComplaintClock c) {
		db.sql("""
				UPDATE complaint_clock SET warn_at = :warn, due_at = :due, escalate_at = :escalate,
				    process_instance_id = :process, paused_at = :paused, paused_seconds = :pausedSeconds,
				    warned_at = :warned, overdue_at = :overdue, escalated_at = :escalated, stopped_at = :stopped
				WHERE id = :id""")
			.param("id", c.id())
			.param("warn", ts(c.warnAt()))
			.param("due", ts(c.dueAt()))
			.param("escalate", ts(c.escalateAt()))
			.param("process", c.processInstanceId())
			.param("paused", ts(c.pausedAt()))
			.param("pausedSeconds", c.pausedSeconds())
			.param("warned", ts(c.warnedAt()))
			.param("overdue", ts(c.overdueAt()))
			.param("escalated", ts(c.escalatedAt()))
			.param("stopped", ts(c.stoppedAt()))
			.update();
	}

	List<ComplaintClock> clocks(UUID complaintId) {
		return db.sql("SELECT * FROM complaint_clock WHERE complaint_id = :id ORDER BY round, kind")
			.param("id", complaintId)
			.query(ComplaintStore::clock)
			.list();
	}

	Optional<ComplaintClock> clock(UUID clockId) {
		return db.sql("SELECT * FROM complaint_clock WHERE id = :id")
			.param("id", clockId)
			.query(ComplaintStore::clock)
			.optional();
	}

	// Verdicts and follow-ups

	/** False when this round already has its verdict (the unique key). */
	boolean addVerdict(UUID complaintId, int round, Verdict v, String recordedBy) {
		return db.sql("""
				INSERT INTO complaint_verdict (id, complaint_id, round, solved, rating, comment, channel, given_at,
				    recorded_by, department)
				VALUES (:id, :complaint, :round, :solved, :rating, :comment, :channel, :at, :by, :department)
				ON CONFLICT (complaint_id, round) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("complaint", complaintId)
			.param("round", round)
			.param("solved", v.solved())
			.param("rating", v.rating())
			.param("comment", v.comment())
			.param("channel", v.channel())
			.param("at", ts(v.givenAt()))
			.param("by", recordedBy)
			.param("department", v.department())
			.update() == 1;
	}

	List<Verdict> verdicts(UUID complaintId) {
		return db.sql("SELECT * FROM complaint_verdict WHERE complaint_id = :id ORDER BY round")
			.param("id", complaintId)
			.query((rs, row) -> new Verdict(rs.getInt("round"), rs.getBoolean("solved"),
					rs.getObject("rating", Integer.class), rs.getString("comment"), rs.getString("channel"),
					instant(rs, "given_at"), rs.getString("department")))
			.list();
	}

	void openFollowUp(UUID complaintId, int round, Instant at) {
		db.sql("""
				INSERT INTO complaint_follow_up (id, complaint_id, round, created_at) VALUES (:id, :complaint, :round, :at)
				ON CONFLICT (complaint_id, round) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("complaint", complaintId)
			.param("round", round)
			.param("at", ts(at))
			.update();
	}

	void closeFollowUps(UUID complaintId, String result, String by, Instant at) {
		db.sql("""
				UPDATE complaint_follow_up SET done_at = :at, done_by = :by, result = :result
				WHERE complaint_id = :id AND done_at IS NULL""")
			.param("id", complaintId)
			.param("result", result)
			.param("by", by)
			.param("at", ts(at))
			.update();
	}

	boolean hasOpenFollowUp(UUID complaintId, int round) {
		return db.sql(
				"SELECT count(*) FROM complaint_follow_up WHERE complaint_id = :id AND round = :round AND done_at IS NULL")
			.param("id", complaintId)
			.param("round", round)
			.query(Integer.class)
			.single() > 0;
	}

	record FollowUp(UUID complaintId, int round, Instant createdAt) {
	}

	List<FollowUp> openFollowUps(int max) {
		return db.sql(
				"SELECT complaint_id, round, created_at FROM complaint_follow_up WHERE done_at IS NULL ORDER BY created_at LIMIT :max")
			.param("max", max)
			.query((rs, row) -> new FollowUp(rs.getObject("complaint_id", UUID.class), rs.getInt("round"),
					instant(rs, "created_at")))
			.list();
	}

	// Photos

	void addDocument(UUID complaintId, UUID documentId, String owner, String purpose, Instant at) {
		db.sql("""
				INSERT INTO complaint_document (complaint_id, document_id, owner, purpose, added_at)
				VALUES (:complaint, :document, :owner, :purpose, :at) ON CONFLICT DO NOTHING""")
			.param("complaint", complaintId)
			.param("document", documentId)
			.param("owner", owner)
			.param("purpose", purpose)
			.param("at", ts(at))
			.update();
	}

	record Photo(UUID documentId, String owner, String purpose) {
	}

	List<Photo> documents(UUID complaintId) {
		return db.sql(
				"SELECT document_id, owner, purpose FROM complaint_document WHERE complaint_id = :id ORDER BY added_at")
			.param("id", complaintId)
			.query((rs, row) -> new Photo(rs.getObject("document_id", UUID.class), rs.getString("owner"),
					rs.getString("purpose")))
			.list();
	}

	// Timeline

	void record(UUID complaintId, Instant at, String kind, String actor, String department, boolean isPublic,
			String detail) {
		db.sql("""
				INSERT INTO complaint_event (complaint_id, at, kind, actor, department, public, detail)
				VALUES (:complaint, :at, :kind, :actor, :department, :public, :detail)""")
			.param("complaint", complaintId)
			.param("at", ts(at))
			.param("kind", kind)
			.param("actor", actor)
			.param("department", department)
			.param("public", isPublic)
			.param("detail", detail)
			.update();
	}

	List<TimelineEntry> timeline(UUID complaintId) {
		return db.sql(
				"SELECT at, kind, actor, department, public, detail FROM complaint_event WHERE complaint_id = :id ORDER BY id")
			.param("id", complaintId)
			.query((rs, row) -> new TimelineEntry(instant(rs, "at"), rs.getString("kind"), rs.getString("actor"),
					rs.getString("department"), rs.getBoolean("public"), rs.getString("detail")))
			.list();
	}

	// Mapping

	private static Complaint complaint(ResultSet rs, int row) throws SQLException {
		String closure = rs.getString("closure");
		return new Complaint(rs.getObject("id", UUID.class), rs.getString("tracking_code"), rs.getString("reporter"),
				Channel.valueOf(rs.getString("channel")), rs.getString("category_code"), rs.getString("description"),
				rs.getString("address"), rs.getObject("latitude", Double.class),
				rs.getObject("longitude", Double.class), rs.getString("contact_name"), rs.getString("contact_phone"),
				rs.getString("contact_email"), rs.getObject("conversation_id", UUID.class), rs.getString("filed_by"),
				rs.getString("open311_client"), rs.getString("open311_token"),
				UrgencyTier.valueOf(rs.getString("urgency_tier")), ComplaintStatus.valueOf(rs.getString("status")),
				rs.getString("lead_department"), instant(rs, "received_at"), instant(rs, "dispatched_at"),
				instant(rs, "first_contact_due"), instant(rs, "first_contacted_at"), instant(rs, "reply_due"),
				instant(rs, "replied_at"), rs.getString("reply_text"), instant(rs, "waiting_since"),
				rs.getString("waiting_reason"), rs.getInt("dispatch_count"), rs.getInt("reopen_count"),
				rs.getBoolean("supervisor_flag"), rs.getBoolean("escalated"), rs.getObject("merged_into", UUID.class),
				instant(rs, "closed_at"), closure == null ? null : Closure.valueOf(closure));
	}

	private static Assignment assignment(ResultSet rs, int row) throws SQLException {
		return new Assignment(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class),
				rs.getString("department"), Assignment.Kind.valueOf(rs.getString("kind")), instant(rs, "assigned_at"),
				rs.getString("assigned_by"), instant(rs, "due_at"), instant(rs, "accepted_at"),
				instant(rs, "answered_at"), rs.getString("answer"), rs.getString("answered_by"),
				instant(rs, "ended_at"), rs.getString("ended_reason"));
	}

	private static ReturnRequest returnRequest(ResultSet rs, int row) throws SQLException {
		return new ReturnRequest(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class),
				rs.getObject("assignment_id", UUID.class), rs.getString("department"), rs.getString("reason"),
				instant(rs, "requested_at"), rs.getString("requested_by"), instant(rs, "decided_at"),
				rs.getString("decided_by"), rs.getObject("accepted", Boolean.class), rs.getString("decision_reason"));
	}

	private static ComplaintClock clock(ResultSet rs, int row) throws SQLException {
		return new ComplaintClock(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class),
				ComplaintClock.Kind.valueOf(rs.getString("kind")), rs.getInt("round"), instant(rs, "started_at"),
				instant(rs, "warn_at"), instant(rs, "due_at"), instant(rs, "escalate_at"),
				rs.getString("process_instance_id"), instant(rs, "paused_at"), rs.getLong("paused_seconds"),
				instant(rs, "warned_at"), instant(rs, "overdue_at"), instant(rs, "escalated_at"),
				instant(rs, "stopped_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
