package org.onestop.application.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads behind {@link VaultShelf}: the owner's documents (with the application an
 * issued one came from), and which of the owner's applications carry which document. Both
 * are limited to the owner's own rows, so no one else's application ever shows.
 */
@Repository
class VaultShelfQueries {

	private static final String DOCUMENTS = """
			SELECT d.id, d.title, d.content_type, d.size_bytes, d.sha256, d.origin, d.added_at,
			       a.id AS source_id, a.service_code AS source_service, a.status AS source_status,
			       coalesce(a.decided_at, a.created_at) AS source_at
			FROM application_document d
			LEFT JOIN application a ON a.id = d.source_application AND a.applicant = d.owner
			WHERE d.owner = :owner
			ORDER BY d.added_at DESC, d.id""";

	private static final String USES = """
			SELECT u.document_id, a.id, a.service_code, a.status, coalesce(a.submitted_at, a.created_at) AS at
			FROM application a
			CROSS JOIN LATERAL jsonb_array_elements_text(a.document_ids) AS u(document_id)
			WHERE a.applicant = :owner
			ORDER BY coalesce(a.submitted_at, a.created_at) DESC, a.id""";

	record Row(VaultDocument document, UUID sourceApplication, String sourceService, String sourceStatus,
			Instant sourceAt) {
	}

	record UseRow(UUID document, UUID application, String serviceCode, String status, Instant at) {
	}

	private final JdbcClient db;

	VaultShelfQueries(JdbcClient db) {
		this.db = db;
	}

	List<Row> documents(String owner) {
		return db.sql(DOCUMENTS).param("owner", owner).query(VaultShelfQueries::row).list();
	}

	List<UseRow> uses(String owner) {
		return db.sql(USES)
			.param("owner", owner)
			.query((rs, n) -> new UseRow(parse(rs.getString("document_id")), rs.getObject("id", UUID.class),
					rs.getString("service_code"), rs.getString("status"), instant(rs, "at")))
			.list()
			.stream()
			.filter(u -> u.document() != null)
			.toList();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		VaultDocument document = new VaultDocument(rs.getObject("id", UUID.class), rs.getString("title"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("origin"),
				instant(rs, "added_at"));
		return new Row(document, rs.getObject("source_id", UUID.class), rs.getString("source_service"),
				rs.getString("source_status"), instant(rs, "source_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	/** A document id as stored in an application's list; anything else is not one. */
	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
