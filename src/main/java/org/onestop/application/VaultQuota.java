package org.onestop.application;

import java.util.List;

import org.onestop.platform.TooLargeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each citizen's share of the vault (count and bytes), counted on one row per citizen in the upload's transaction.
 * The conditional upsert takes the row's lock, so that of two uploads at once the second is judged on what the first
 * added, on any node; a failed upload rolls its share back.
 */
@Component
class VaultQuota {

	private static final String TAKE = """
			INSERT INTO application_vault_usage AS u (owner, documents, bytes)
			SELECT :owner, 1, :size WHERE :size <= :maxBytes AND 1 <= :maxDocuments
			ON CONFLICT (owner) DO UPDATE SET documents = u.documents + 1, bytes = u.bytes + EXCLUDED.bytes
			WHERE u.documents + 1 <= :maxDocuments AND u.bytes + EXCLUDED.bytes <= :maxBytes""";

	private static final String ADD = """
			INSERT INTO application_vault_usage AS u (owner, documents, bytes) VALUES (:owner, 1, :size)
			ON CONFLICT (owner) DO UPDATE SET documents = u.documents + 1, bytes = u.bytes + EXCLUDED.bytes""";

	private static final String USED = "SELECT documents FROM application_vault_usage WHERE owner = :owner";

	private static final long MB = 1024L * 1024;

	private final JdbcClient db;
	private final VaultProperties properties;

	VaultQuota(JdbcClient db, VaultProperties properties) {
		this.db = db;
		this.properties = properties;
	}

	/** Takes room for one upload, or refuses it (413, beside the file field) when the vault would be over its limits. */
	@Transactional(propagation = Propagation.MANDATORY)
	void take(String owner, long size) {
		int taken = db.sql(TAKE).param("owner", owner).param("size", size)
			.param("maxBytes", properties.maxBytes().toBytes()).param("maxDocuments", properties.maxDocuments()).update();
		if (taken == 1) {
			return;
		}
		int documents = db.sql(USED).param("owner", owner).query(Integer.class).optional().orElse(0);
		if (documents >= properties.maxDocuments()) {
			throw new VaultFullException("application.vault.quota.documents", properties.maxDocuments());
		}
		throw new VaultFullException("application.vault.quota.bytes", properties.maxBytes().toBytes() / MB);
	}

	/** Counts a document that OneStop issued: an issued certificate is never refused for want of room. */
	@Transactional(propagation = Propagation.MANDATORY)
	void add(String owner, long size) {
		db.sql(ADD).param("owner", owner).param("size", size).update();
	}

	/** The vault is full: said beside the file field, in the caller's language. */
	static class VaultFullException extends TooLargeException {

		VaultFullException(String messageKey, Object limit) {
			super(messageKey, List.of(new FieldProblem("file", messageKey, limit)), limit);
		}
	}
}
