package org.onestop.application.vault;

import java.time.Instant;
import java.util.UUID;

/**
 * A document in a citizen's vault.
 *
 * @param origin UPLOADED by the citizen, ISSUED by OneStop (a certificate), or COUNTER: a
 * paper the citizen brought, scanned by a clerk
 */
public record VaultDocument(UUID id, String title, String contentType, long sizeBytes, String sha256, String origin,
		Instant addedAt) {
}
