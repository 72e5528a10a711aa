package org.onestop.application;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.application.Application.Decision;
import org.onestop.application.Application.Dispute;
import org.onestop.application.Application.Status;
import org.onestop.application.CaseRules.EarlierRejection;
import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code application} and what hangs off them (timeline, requests), in and out of
 * JSON.
 */
@Repository
class ApplicationStore {

	private final JdbcClient db;

	private final ObjectMapper json;

	ApplicationStore(JdbcClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * A reference taken ahead of the row (the row's trigger gives one otherwise); the
	 * database function is the one place references are formed.
	 */
	String newReference(String serviceCode, Instant at) {
		return db.sql("SELECT application_reference(:code, :at)")
			.param("code", serviceCode)
			.param("at", Timestamp.from(at))
			.query(String.class)
			.single();
	}

	Optional<Application> byReference(String reference) {
		return db.sql("SELECT * FROM application WHERE reference = :r")
			.param("r", reference)
			.query(this::map)
			.optional();
	}

	Optional<Application> find(UUID id) {
		return db.sql("SELECT * FROM application WHERE id = :id").param("id", id).query(this::map).optional();
	}

	boolean isApplicants(UUID id, String applicant, String serviceCode) {
		return db.sql("""
				SELECT count(*) FROM application
				WHERE id = :id AND applicant = :applicant AND service_code = :service""")
			.param("id", id)
			.param("applicant", applicant)
			.param("service", serviceCode)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The row, locked until the transaction ends: status changes on one case are taken
	 * one at a time.
	 */
	Optional<Application> lock(UUID id) {
		return db.sql("SELECT * FROM application WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<Application> byKey(String applicant, String idempotencyKey) {
		return db.sql("SELECT * FROM application WHERE applicant = :a AND idempotency_key = :k")
			.param("a", applicant)
			.param("k", idempotencyKey)
			.query(this::map)
			.optional();
	}

	Optional<Application> draftOf(String applicant, String serviceCode) {
		return db.sql("SELECT * FROM application WHERE applicant = :a AND service_code = :c AND status = 'DRAFT'")
			.param("a", applicant)
			.param("c", serviceCode)
			.query(this::map)
			.optional();
	}

	List<Application> ofApplicant(String applicant, int limit) {
		return db.sql("SELECT * FROM application WHERE applicant = :a ORDER BY created_at DESC LIMIT :n")
			.param("a", applicant)
			.param("n", limit)
			.query(this::map)
			.list();
	}

	List<Application> all(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return db.sql("SELECT * FROM application WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(this::map)
			.list();
	}

	/**
	 * What an inbox row shows of each case, and nothing more: mapping 50 whole
	 * applications (their fields, sources and decision as JSON) was a fifth of an inbox
	 * page's cost (issue 18).
	 */
	List<InboxFacts> inboxFacts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return db.sql("""
				SELECT id, reference, service_code, applicant_name, department, due_date
				FROM application WHERE id = ANY(:ids)""").param("ids", ids.toArray(UUID[]::new)).query((rs, n) -> {
			Date due = rs.getDate("due_date");
			return new InboxFacts(rs.getObject("id", UUID.class), rs.getString("reference"),
					rs.getString("service_code"), rs.getString("applicant_name"), rs.getString("department"),
					due == null ? null : due.toLocalDate());
		}).list();
	}

	/** The columns of an application that an inbox row shows. */
	record InboxFacts(UUID id, String reference, String serviceCode, String applicantName, String department,
			LocalDate dueDate) {
	}

	List<Application> ofBundle(UUID bundle) {
		return db.sql("SELECT * FROM application WHERE bundle_id = :b ORDER BY service_code")
			.param("b", bundle)
			.query(this::map)
			.list();
	}

	String requestHashOf(UUID id) {
		return db.sql("SELECT request_hash FROM application WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	/**
	 * Inserts a new draft unless the citizen has one for the matter already; true when
	 * inserted.
	 */
	boolean insertDraft(Application a) {
		return db
			.sql("""
					INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
					    form_revision, department, status, fields, sources, created_at, updated_at, channel, hall, counter,
					    filed_by, filed_by_name)
					VALUES (:id, :applicant, :idNumber, :name, :code, :version, :revision, :department, 'DRAFT',
					    :fields::jsonb, :sources::jsonb, :at, :at, :channel, :hall, :counter, :filedBy, :filedByName)
					ON CONFLICT (applicant, service_code) WHERE status = 'DRAFT' DO NOTHING""")
			.param("id", a.id())
			.param("applicant", a.applicant())
			.param("idNumber", a.applicantIdNumber())
			.param("name", a.applicantName())
			.param("code", a.serviceCode())
			.param("version", a.matterVersion())
			.param("revision", a.formRevision())
			.param("department", a.department())
			.param("fields", write(a.fields()))
			.param("sources", write(a.sources()))
			.param("at", Timestamp.from(a.createdAt()))
			.params(intake(a.intake()))
			.update() == 1;
	}

	/**
	 * Saves a draft's content; false when it is no longer a draft (submitted meanwhile,
	 * perhaps on another tab).
	 */
	boolean saveDraft(UUID id, Map<String, String> fields, Map<String, String> sources, Map<String, Dispute> disputes,
			List<UUID> documents, String explanation, Instant at) {
		return db.sql("""
				UPDATE application SET fields = :fields::jsonb, sources = :sources::jsonb, disputes = :disputes::jsonb,
				    document_ids = :documents::jsonb, explanation = :explanation, updated_at = :at
				WHERE id = :id AND status = 'DRAFT'""")
			.param("id", id)
			.param("fields", write(fields))
			.param("sources", write(sources))
			.param("disputes", write(disputes))
			.param("documents", write(documents))
			.param("explanation", explanation)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	void saveContent(UUID id, Map<String, String> fields, Map<String, String> sources, Map<String, Dispute> disputes,
			List<UUID> documents, String explanation, Instant at) {
		db.sql("""
				UPDATE application SET fields = :fields::jsonb, sources = :sources::jsonb, disputes = :disputes::jsonb,
				    document_ids = :documents::jsonb, explanation = :explanation, updated_at = :at WHERE id = :id""")
			.param("id", id)
			.param("fields", write(fields))
			.param("sources", write(sources))
			.param("disputes", write(disputes))
			.param("documents", write(documents))
			.param("explanation", explanation)
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean insertSubmitted(Application a, String key, String hash, String reference) {
		return insertSubmitted(a, key, hash, reference, null);
	}

	/**
	 * Inserts a submitted application under its idempotency key; false when the citizen
	 * already has an application under that key (a concurrent insert waits for the other
	 * transaction, then finds it). With {@code started}, the row names the process about
	 * to start under that id and the status its first step gives.
	 */
	boolean insertSubmitted(Application a, String key, String hash, String reference, Submissions.Started started) {
		return db
			.sql("""
					INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
					    form_revision, department, status, fields, sources, disputes, document_ids, explanation, precheck,
					    idempotency_key, request_hash, bundle_id, created_at, updated_at, submitted_at, due_date, reference,
					    channel, hall, counter, filed_by, filed_by_name, process_instance_id)
					VALUES (:id, :applicant, :idNumber, :name, :code, :version, :revision, :department, :status,
					    :fields::jsonb, :sources::jsonb, :disputes::jsonb, :documents::jsonb, :explanation, :precheck::jsonb,
					    :key, :hash, :bundle, :at, :at, :at, :due, :reference, :channel, :hall, :counter, :filedBy,
					    :filedByName, :process)
					ON CONFLICT (applicant, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""")
			.params(submission(a, key, hash))
			.param("idNumber", a.applicantIdNumber())
			.param("name", a.applicantName())
			.param("code", a.serviceCode())
			.param("department", a.department())
			.param("bundle", a.bundleId())
			.param("reference", reference)
			.param("status", started == null ? Status.SUBMITTED.name() : started.status().name())
			.param("process", started == null ? null : started.processInstance())
			.update() == 1;
	}

	/**
	 * Turns the citizen's draft into a submission; false when it is no longer a draft.
	 */
	boolean submitDraft(Application a, String key, String hash) {
		return db
			.sql("""
					UPDATE application SET status = 'SUBMITTED', fields = :fields::jsonb, sources = :sources::jsonb,
					    disputes = :disputes::jsonb, document_ids = :documents::jsonb, explanation = :explanation,
					    precheck = :precheck::jsonb, idempotency_key = :key, request_hash = :hash, matter_version = :version,
					    form_revision = :revision, updated_at = :at, submitted_at = :at, due_date = :due,
					    channel = :channel, hall = :hall, counter = :counter, filed_by = :filedBy,
					    filed_by_name = :filedByName
					WHERE id = :id AND applicant = :applicant AND status = 'DRAFT'""")
			.params(submission(a, key, hash))
			.update() == 1;
	}

	/** Where an application came from, as the columns that keep it. */
	private static Map<String, Object> intake(Intake intake) {
		Map<String, Object> values = new HashMap<>();
		values.put("channel", intake.channel().name());
		values.put("hall", intake.hall());
		values.put("counter", intake.counter());
		values.put("filedBy", intake.filedBy());
		values.put("filedByName", intake.filedByName());
		return values;
	}

	/** What a submission writes, whether it starts from a draft or not. */
	private Map<String, Object> submission(Application a, String key, String hash) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", a.id());
		values.put("applicant", a.applicant());
		values.put("version", a.matterVersion());
		values.put("revision", a.formRevision());
		values.put("fields", write(a.fields()));
		values.put("sources", write(a.sources()));
		values.put("disputes", write(a.disputes()));
		values.put("documents", write(a.documentIds()));
		values.put("explanation", a.explanation());
		values.put("precheck", write(a.precheck()));
		values.put("key", key);
		values.put("hash", hash);
		values.put("at", Timestamp.from(a.submittedAt()));
		values.put("due", Date.valueOf(a.dueDate()));
		values.putAll(intake(a.intake()));
		return values;
	}

	void started(UUID id, String processInstanceId) {
		db.sql("UPDATE application SET process_instance_id = :p WHERE id = :id")
			.param("p", processInstanceId)
			.param("id", id)
			.update();
	}

	/**
	 * A new submission's process and first status, in one statement (the row was inserted
	 * in this transaction, so nobody else holds it).
	 */
	void started(UUID id, String processInstanceId, Status status, Instant at) {
		db.sql("UPDATE application SET process_instance_id = :p, status = :s, updated_at = :at WHERE id = :id")
			.param("p", processInstanceId)
			.param("s", status.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	void status(UUID id, Status status, Instant at) {
		db.sql("UPDATE application SET status = :s, updated_at = :at WHERE id = :id")
			.param("s", status.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	void decided(UUID id, Status status, Decision decision, int workingDays) {
		db.sql("""
				UPDATE application SET status = :s, decision = :d::jsonb, decided_at = :at, updated_at = :at,
				    working_days_to_decision = :days
				WHERE id = :id""")
			.param("s", status.name())
			.param("d", write(decision))
			.param("at", Timestamp.from(decision.at()))
			.param("days", workingDays)
			.param("id", id)
			.update();
	}

	void certificate(UUID id, String code) {
		db.sql("UPDATE application SET certificate_code = :c WHERE id = :id").param("c", code).param("id", id).update();
	}

	void clockStopped(UUID id, LocalDate on, boolean newRound) {
		db.sql("""
				UPDATE application SET clock_stopped_on = :on,
				    supplement_rounds = supplement_rounds + CASE WHEN :round THEN 1 ELSE 0 END WHERE id = :id""")
			.param("on", Date.valueOf(on))
			.param("round", newRound)
			.param("id", id)
			.update();
	}

	void clockRestarted(UUID id, LocalDate due) {
		db.sql("UPDATE application SET clock_stopped_on = NULL, due_date = :due WHERE id = :id")
			.param("due", Date.valueOf(due))
			.param("id", id)
			.update();
	}

	/**
	 * Rejections that took effect for this resident and matter since the given time,
	 * other than this application.
	 */
	List<EarlierRejection> rejectionsSince(String idNumber, String serviceCode, Instant since, UUID except) {
		return db.sql("""
				SELECT service_code, decided_at FROM application
				WHERE applicant_id_number = :p AND service_code = :c AND status = 'REJECTED' AND decided_at >= :since
				  AND id <> :except""")
			.param("p", idNumber)
			.param("c", serviceCode)
			.param("since", Timestamp.from(since))
			.param("except", except)
			.query((rs, row) -> new EarlierRejection(rs.getString("service_code"),
					rs.getTimestamp("decided_at").toInstant()))
			.list();
	}

	/** Serialises rejections of one resident and matter until the transaction ends. */
	void lockRejections(String idNumber, String serviceCode) {
		db.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "rejection:" + idNumber + ":" + serviceCode)
			.query()
			.singleRow();
	}

	/** Records a decision not yet final: the process's closing step makes it so. */
	void decision(UUID id, Decision decision) {
		db.sql("UPDATE application SET decision = :d::jsonb WHERE id = :id")
			.param("d", write(decision))
			.param("id", id)
			.update();
	}

	String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	<T> T read(String text, TypeReference<T> type) {
		try {
			return text == null ? null : json.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored JSON does not parse", ex);
		}
	}

	private Application map(ResultSet rs, int row) throws SQLException {
		Date due = rs.getDate("due_date");
		Date stopped = rs.getDate("clock_stopped_on");
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Timestamp decided = rs.getTimestamp("decided_at");
		String bundle = rs.getString("bundle_id");
		return new Application(rs.getObject("id", UUID.class), rs.getString("applicant"),
				rs.getString("applicant_id_number"), rs.getString("applicant_name"), rs.getString("service_code"),
				rs.getInt("matter_version"), rs.getInt("form_revision"), rs.getString("department"),
				Status.valueOf(rs.getString("status")), read(rs.getString("fields"), new TypeReference<>() {
				}), read(rs.getString("sources"), new TypeReference<>() {
				}), read(rs.getString("disputes"), new TypeReference<>() {
				}), read(rs.getString("document_ids"), new TypeReference<>() {
				}), rs.getString("explanation"), read(rs.getString("precheck"), new TypeReference<>() {
				}), bundle == null ? null : UUID.fromString(bundle), rs.getString("process_instance_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				submitted == null ? null : submitted.toInstant(), due == null ? null : due.toLocalDate(),
				stopped == null ? null : stopped.toLocalDate(), rs.getInt("supplement_rounds"),
				decided == null ? null : decided.toInstant(), read(rs.getString("decision"), new TypeReference<>() {
				}), rs.getString("certificate_code"), rs.getString("reference"),
				new Intake(ContactChannel.valueOf(rs.getString("channel")), rs.getString("hall"),
						rs.getString("counter"), rs.getString("filed_by"), rs.getString("filed_by_name")));
	}

}
