package org.onestop.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ConflictException;
import org.onestop.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correction requests (数据纠错): a citizen disputed a registry value; the registry's owning department
 * checks it and says whether the registry was corrected. The application never waits for this.
 */
@Service
public class CorrectionRequests {

	private final JdbcClient db;
	private final Timeline timeline;
	private final CitizenNotices notices;
	private final ApplicationStore store;
	private final Clock clock;

	CorrectionRequests(JdbcClient db, Timeline timeline, CitizenNotices notices, ApplicationStore store, Clock clock) {
		this.db = db;
		this.timeline = timeline;
		this.notices = notices;
		this.store = store;
		this.clock = clock;
	}

	public record CorrectionRequest(UUID id, UUID applicationId, String resident, String field, String item, String department,
			String registryValue, String citizenValue, String comment, String status, Instant createdAt,
			Instant resolvedAt, String resolvedBy, String resolutionNote) {
	}

	/**
	 * The department's requests, open ones first, with the resident's ID number: the registry's owner must find
	 * the record to correct it, and holds that registry anyway.
	 */
	public List<CorrectionRequest> of(OneStopUser staff, boolean openOnly) {
		return db.sql("""
				SELECT id, application_id, resident, field, item, department, registry_value, citizen_value, comment, status,
				       created_at, resolved_at, resolved_by, resolution_note
				FROM correction_request WHERE department = :d AND (:all OR status = 'OPEN')
				ORDER BY status = 'OPEN' DESC, created_at LIMIT 500""")
			.param("d", staff.department()).param("all", !openOnly).query(CorrectionRequest.class).list();
	}

	@Transactional
	public CorrectionRequest resolve(OneStopUser staff, UUID id, String outcome, String note) {
		if (!"CORRECTED".equals(outcome) && !"DECLINED".equals(outcome)) {
			throw new InvalidInputException("outcome", "application.correction.outcome");
		}
		if (note == null || note.isBlank() || note.length() > 1000) {
			throw new InvalidInputException("note", "application.correction.note.required");
		}
		int updated = db.sql("""
				UPDATE correction_request SET status = :s, resolved_at = :at, resolved_by = :by, resolution_note = :note
				WHERE id = :id AND department = :d AND status = 'OPEN'""")
			.param("s", outcome).param("at", Timestamp.from(clock.instant())).param("by", staff.username())
			.param("note", note.strip()).param("id", id).param("d", staff.department()).update();
		if (updated == 0) {
			boolean visible = db.sql("SELECT count(*) FROM correction_request WHERE id = :id AND department = :d")
				.param("id", id).param("d", staff.department()).query(Integer.class).single() > 0;
			throw visible ? new ConflictException("application.correction.resolved")
					: new NotFoundException("application.correction.not-found");
		}
		CorrectionRequest request = db.sql("""
				SELECT id, application_id, resident, field, item, department, registry_value, citizen_value, comment, status,
				       created_at, resolved_at, resolved_by, resolution_note FROM correction_request WHERE id = :id""")
			.param("id", id).query(CorrectionRequest.class).single();
		timeline.record(request.applicationId(), "CORRECTION_" + outcome, staff.username(),
				java.util.Map.of("field", request.field()));
		store.find(request.applicationId()).ifPresent(a -> notices.citizen(a, "CORRECTION",
				"CORRECTED".equals(outcome) ? "application.notice.correction-corrected" : "application.notice.correction-declined", request.field()));
		return request;
	}
}
