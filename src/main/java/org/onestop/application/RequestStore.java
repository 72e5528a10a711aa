package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code application_request}: what staff asked the citizen (a supplement, a
 * consultation) and the answer.
 */
@Repository
class RequestStore {

	private final JdbcClient db;

	private final ApplicationStore applications;

	RequestStore(JdbcClient db, ApplicationStore applications) {
		this.db = db;
		this.applications = applications;
	}

	void open(UUID applicationId, String kind, List<String> items, String reason, String by, Instant at) {
		db.sql("""
				INSERT INTO application_request (id, application_id, kind, items, reason, requested_by, requested_at)
				VALUES (:id, :a, :kind, :items::jsonb, :reason, :by, :at)""")
			.param("id", UUID.randomUUID())
			.param("a", applicationId)
			.param("kind", kind)
			.param("items", applications.write(items))
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The requests of an application still waiting for the citizen, oldest first. */
	List<CaseView.OpenRequest> unanswered(UUID applicationId) {
		return db.sql("""
				SELECT id, kind, items::text, reason, requested_at FROM application_request
				WHERE application_id = :a AND answered_at IS NULL ORDER BY requested_at""")
			.param("a", applicationId)
			.query((rs, n) -> new CaseView.OpenRequest(rs.getObject(1, UUID.class), rs.getString(2),
					applications.read(rs.getString(3), new TypeReference<List<String>>() {
					}), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * The kind of an unanswered request of this application; empty if there is no such
	 * request.
	 */
	Optional<String> unansweredKind(UUID requestId, UUID applicationId) {
		return db
			.sql("SELECT kind FROM application_request WHERE id = :r AND application_id = :a AND answered_at IS NULL")
			.param("r", requestId)
			.param("a", applicationId)
			.query(String.class)
			.optional();
	}

	void answer(UUID requestId, Object answer, Instant at) {
		db.sql("UPDATE application_request SET answered_at = :at, answer = :answer::jsonb WHERE id = :r")
			.param("at", Timestamp.from(at))
			.param("answer", applications.write(answer))
			.param("r", requestId)
			.update();
	}

	/**
	 * Closes every request still open: nothing stays open on a decided or withdrawn case.
	 */
	void closeAll(UUID applicationId, Instant at) {
		db.sql("""
				UPDATE application_request SET answered_at = :at, answer = '{"closed": true}'::jsonb
				WHERE application_id = :a AND answered_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("a", applicationId)
			.update();
	}

}
