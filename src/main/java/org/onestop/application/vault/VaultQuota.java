package org.onestop.application.vault;

import java.util.List;

import org.onestop.platform.TooLargeException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each citizen's share of the vault (count and bytes), counted on one row per citizen in
 * the upload's transaction. The conditional upsert takes the row's lock, so that of two
 * uploads at once the second is judged on what the first added, on any node; a failed
 * upload rolls its share back.
 */
@Component
class VaultQuota {

	private static final long MB = 1024L * 1024;

	private final VaultUsageStore store;

	private final VaultProperties properties;

	VaultQuota(VaultUsageStore store, VaultProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/**
	 * Takes room for one upload, or refuses it (413, beside the file field) when the
	 * vault would be over its limits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void take(String owner, long size) {
		if (store.take(owner, size, properties.maxBytes().toBytes(), properties.maxDocuments())) {
			return;
		}
		int documents = store.documents(owner);
		if (documents >= properties.maxDocuments()) {
			throw new VaultFullException("application.vault.quota.documents", properties.maxDocuments());
		}
		throw new VaultFullException("application.vault.quota.bytes", properties.maxBytes().toBytes() / MB);
	}

	/**
	 * Counts a document that OneStop issued: an issued certificate is never refused for
	 * want of room.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void add(String owner, long size) {
		store.add(owner, size);
	}

	/** The vault is full: said beside the file field, in the caller's language. */
	static class VaultFullException extends TooLargeException {

		VaultFullException(String messageKey, Object limit) {
			super(messageKey, List.of(new FieldProblem("file", messageKey, limit)), limit);
		}

	}

}
