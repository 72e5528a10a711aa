package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.application.CorrectionRequests.CorrectionRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code correction_request}: disputed registry values, one per application and
 * field.
 */
@Repository
class CorrectionStore {

	/**
	 * The request with whose application it comes from (the applicant's name and the
	 * matter), so that the registry's clerk knows whom and what it is about.
	 */
	private static final String COLUMNS = """
			SELECT r.id, r.application_id, r.resident, r.field, r.item, r.department, r.registry_value, r.citizen_value,
			       r.comment, r.status, r.created_at, r.resolved_at, r.resolved_by, r.resolution_note,
			       a.applicant_name, a.service_code, a.submitted_at, a.reference
			FROM correction_request r JOIN application a ON a.id = r.application_id""";

	private final JdbcClient db;

	CorrectionStore(JdbcClient db) {
		this.db = db;
	}

	/** Files the request, or opens it again with the citizen's latest value. */
	void file(Application application, String field, String item, String department, String registryValue,
			String citizenValue, String comment, Instant at) {
		db.sql("""
				INSERT INTO correction_request (id, application_id, resident, field, item, department, registry_value,
				    citizen_value, comment, created_at)
				VALUES (:id, :application, :resident, :field, :item, :department, :registry, :citizen, :comment, :at)
				ON CONFLICT (application_id, field) DO UPDATE SET citizen_value = EXCLUDED.citizen_value,
				    comment = EXCLUDED.comment, status = 'OPEN', resolved_at = NULL, resolved_by = NULL""")
			.param("id", UUID.randomUUID())
			.param("application", application.id())
			.param("resident", application.applicantIdNumber())
			.param("field", field)
			.param("item", item)
			.param("department", department)
			.param("registry", registryValue)
			.param("citizen", citizenValue)
			.param("comment", comment)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A department's requests, open ones first. */
	List<CorrectionRequest> ofDepartment(String department, boolean openOnly) {
		return db.sql(COLUMNS + """
				 WHERE r.department = :d AND (:all OR r.status = 'OPEN')
				ORDER BY r.status = 'OPEN' DESC, r.created_at LIMIT 500""")
			.param("d", department)
			.param("all", !openOnly)
			.query(CorrectionRequest.class)
			.list();
	}

	/** Resolves an open request of this department; false if there is none. */
	boolean resolve(UUID id, String department, String outcome, String by, String note, Instant at) {
		return db.sql("""
				UPDATE correction_request SET status = :s, resolved_at = :at, resolved_by = :by, resolution_note = :note
				WHERE id = :id AND department = :d AND status = 'OPEN'""")
			.param("s", outcome)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("note", note)
			.param("id", id)
			.param("d", department)
			.update() > 0;
	}

	boolean existsInDepartment(UUID id, String department) {
		return db.sql("SELECT count(*) FROM correction_request WHERE id = :id AND department = :d")
			.param("id", id)
			.param("d", department)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<CorrectionRequest> find(UUID id) {
		return db.sql(COLUMNS + " WHERE r.id = :id").param("id", id).query(CorrectionRequest.class).optional();
	}

}
