package org.onestop.application.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * What the citizen's "my documents" page shows: each of their vault documents, where it
 * came from, and which of their applications used it. Two reads, joined here, so no query
 * runs inside another.
 */
@Service
public class VaultShelf {

	private final VaultShelfQueries queries;

	VaultShelf(VaultShelfQueries queries) {
		this.queries = queries;
	}

	/**
	 * One document on the shelf.
	 *
	 * @param issuedFor for a document OneStop issued, the application it was issued for
	 * (null otherwise)
	 * @param usedBy the owner's applications that carry the document, newest first
	 */
	public record Entry(VaultDocument document, Use issuedFor, List<Use> usedBy) {
	}

	/** An application of the owner's, as the shelf names it. */
	public record Use(UUID application, String serviceCode, String status, Instant at) {
	}

	public List<Entry> of(String owner) {
		List<VaultShelfQueries.Row> documents = queries.documents(owner);
		Map<UUID, List<Use>> uses = new HashMap<>();
		for (VaultShelfQueries.UseRow row : queries.uses(owner)) {
			uses.computeIfAbsent(row.document(), d -> new ArrayList<>())
				.add(new Use(row.application(), row.serviceCode(), row.status(), row.at()));
		}
		return documents.stream()
			.map(r -> new Entry(r.document(),
					r.sourceApplication() == null ? null
							: new Use(r.sourceApplication(), r.sourceService(), r.sourceStatus(), r.sourceAt()),
					uses.getOrDefault(r.document().id(), List.of())))
			.toList();
	}

}
