package org.onestop.application.vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code application_vault_usage}: how many documents and bytes each citizen's
 * vault holds.
 */
@Repository
class VaultUsageStore {

	private static final String TAKE = """
			INSERT INTO application_vault_usage AS u (owner, documents, bytes)
			SELECT :owner, 1, :size WHERE :size <= :maxBytes AND 1 <= :maxDocuments
			ON CONFLICT (owner) DO UPDATE SET documents = u.documents + 1, bytes = u.bytes + EXCLUDED.bytes
			WHERE u.documents + 1 <= :maxDocuments AND u.bytes + EXCLUDED.bytes <= :maxBytes""";

	private static final String ADD = """
			INSERT INTO application_vault_usage AS u (owner, documents, bytes) VALUES (:owner, 1, :size)
			ON CONFLICT (owner) DO UPDATE SET documents = u.documents + 1, bytes = u.bytes + EXCLUDED.bytes""";

	private static final String USED = "SELECT documents FROM application_vault_usage WHERE owner = :owner";

	private final JdbcClient db;

	VaultUsageStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Counts one more document of this size if the vault stays within both limits; false
	 * otherwise.
	 */
	boolean take(String owner, long size, long maxBytes, int maxDocuments) {
		return db.sql(TAKE)
			.param("owner", owner)
			.param("size", size)
			.param("maxBytes", maxBytes)
			.param("maxDocuments", maxDocuments)
			.update() == 1;
	}

	/** Counts one more document of this size, whatever the limits. */
	void add(String owner, long size) {
		db.sql(ADD).param("owner", owner).param("size", size).update();
	}

	int documents(String owner) {
		return db.sql(USED).param("owner", owner).query(Integer.class).optional().orElse(0);
	}

}
