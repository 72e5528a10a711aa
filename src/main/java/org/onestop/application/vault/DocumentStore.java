package org.onestop.application.vault;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code application_document}, and the advisory locks that keep one vault file
 * per content hash while rows come and go.
 */
@Repository
class DocumentStore {

	/**
	 * First key of the two-key advisory locks on file hashes: "VAUL" in ASCII, apart from
	 * every one-key lock.
	 */
	private static final int LOCK_SPACE = 0x5641554C;

	private static final String SHARE = "SELECT pg_advisory_xact_lock_shared(:space, :key)";

	private static final String EXCLUSIVE = "SELECT pg_advisory_xact_lock(:space, :key)";

	private static final String USED = "SELECT EXISTS (SELECT 1 FROM application_document WHERE sha256 = :sha)";

	private final JdbcClient db;

	DocumentStore(JdbcClient db) {
		this.db = db;
	}

	void add(String owner, VaultDocument document) {
		add(owner, document, null);
	}

	/** With, for an issued document, the application it was issued for. */
	void add(String owner, VaultDocument document, UUID sourceApplication) {
		add(owner, document, sourceApplication, null);
	}

	/** With, for a paper scanned at a counter, the clerk who scanned it. */
	void add(String owner, VaultDocument document, UUID sourceApplication, String addedBy) {
		db.sql("""
				INSERT INTO application_document (id, owner, title, content_type, size_bytes, sha256, origin, added_at,
				    source_application, added_by)
				VALUES (:id, :owner, :title, :type, :size, :sha, :origin, :at, :source, :addedBy)""")
			.param("id", document.id())
			.param("owner", owner)
			.param("title", document.title())
			.param("type", document.contentType())
			.param("size", document.sizeBytes())
			.param("sha", document.sha256())
			.param("origin", document.origin())
			.param("at", Timestamp.from(document.addedAt()))
			.param("source", sourceApplication)
			.param("addedBy", addedBy)
			.update();
	}

	List<VaultDocument> of(String owner) {
		return db.sql("SELECT * FROM application_document WHERE owner = :owner ORDER BY added_at DESC")
			.param("owner", owner)
			.query(VaultDocument.class)
			.list();
	}

	Optional<VaultDocument> find(String owner, UUID id) {
		return db.sql("SELECT * FROM application_document WHERE owner = :owner AND id = :id")
			.param("owner", owner)
			.param("id", id)
			.query(VaultDocument.class)
			.optional();
	}

	Set<UUID> owned(String owner, List<UUID> ids) {
		return db.sql("SELECT id FROM application_document WHERE owner = :owner AND id = ANY(:ids)")
			.param("owner", owner)
			.param("ids", ids.toArray(UUID[]::new))
			.query(UUID.class)
			.set();
	}

	/**
	 * Until the transaction ends, no one removes the file with this hash (others may
	 * place it too).
	 */
	void lockFileShared(int hashKey) {
		db.sql(SHARE).param("space", LOCK_SPACE).param("key", hashKey).query().singleRow();
	}

	/** Until the transaction ends, no one places or removes the file with this hash. */
	void lockFileExclusive(int hashKey) {
		db.sql(EXCLUSIVE).param("space", LOCK_SPACE).param("key", hashKey).query().singleRow();
	}

	/** Whether any committed document uses the file with this hash. */
	boolean fileInUse(String sha256) {
		return db.sql(USED).param("sha", sha256).query(Boolean.class).single();
	}

}
