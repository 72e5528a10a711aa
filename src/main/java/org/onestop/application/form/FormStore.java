package org.onestop.application.form;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code application_form}: each matter version's form revisions, as JSON text.
 */
@Repository
class FormStore {

	/** A stored revision's numbers and its definition as stored. */
	record Row(int matterVersion, int revision, String definition) {
	}

	private final JdbcClient db;

	FormStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * The newest revision for a matter version, or failing that the newest of an earlier
	 * version.
	 */
	Optional<Row> latest(String serviceCode, int matterVersion) {
		return db.sql("""
				SELECT matter_version, revision, definition::text FROM application_form
				WHERE service_code = :code AND matter_version <= :version
				ORDER BY matter_version DESC, revision DESC LIMIT 1""")
			.param("code", serviceCode)
			.param("version", matterVersion)
			.query((rs, n) -> new Row(rs.getInt(1), rs.getInt(2), rs.getString(3)))
			.optional();
	}

	Optional<String> revision(String serviceCode, int matterVersion, int revision) {
		return db.sql("""
				SELECT definition::text FROM application_form
				WHERE service_code = :code AND matter_version = :version AND revision = :revision""")
			.param("code", serviceCode)
			.param("version", matterVersion)
			.param("revision", revision)
			.query(String.class)
			.optional();
	}

	int nextRevision(String serviceCode, int matterVersion) {
		return db.sql("""
				SELECT coalesce(max(revision), 0) + 1 FROM application_form
				WHERE service_code = :code AND matter_version = :version""")
			.param("code", serviceCode)
			.param("version", matterVersion)
			.query(Integer.class)
			.single();
	}

	/** Adds a revision; false if another editor took its number first. */
	boolean add(String serviceCode, int matterVersion, int revision, String definition, Instant at, String by) {
		return db
			.sql("""
					INSERT INTO application_form (service_code, matter_version, revision, definition, created_at, created_by)
					VALUES (:code, :version, :revision, :definition::jsonb, :at, :by) ON CONFLICT DO NOTHING""")
			.param("code", serviceCode)
			.param("version", matterVersion)
			.param("revision", revision)
			.param("definition", definition)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() > 0;
	}

}
