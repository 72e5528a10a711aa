package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code application_bundle}: a citizen's life-event bundle, one per citizen and
 * Idempotency-Key.
 */
@Repository
class BundleStore {

	private final JdbcClient db;

	BundleStore(JdbcClient db) {
		this.db = db;
	}

	/** Creates the bundle; false if this citizen already made one under this key. */
	boolean create(UUID id, String applicant, String lifeEvent, Instant at, String idempotencyKey) {
		return db.sql("""
				INSERT INTO application_bundle (id, applicant, life_event, created_at, idempotency_key)
				VALUES (:id, :applicant, :event, :at, :key) ON CONFLICT (applicant, idempotency_key) DO NOTHING""")
			.param("id", id)
			.param("applicant", applicant)
			.param("event", lifeEvent)
			.param("at", Timestamp.from(at))
			.param("key", idempotencyKey)
			.update() > 0;
	}

	UUID byKey(String applicant, String idempotencyKey) {
		return db.sql("SELECT id FROM application_bundle WHERE applicant = :a AND idempotency_key = :k")
			.param("a", applicant)
			.param("k", idempotencyKey)
			.query(UUID.class)
			.single();
	}

	/** The life event of one of this citizen's bundles. */
	Optional<String> lifeEventOf(UUID id, String applicant) {
		return db.sql("SELECT life_event FROM application_bundle WHERE id = :id AND applicant = :a")
			.param("id", id)
			.param("a", applicant)
			.query(String.class)
			.optional();
	}

}
