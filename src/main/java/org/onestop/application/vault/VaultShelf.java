package org.onestop.application.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
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

	/**
	 * The shelf as this user may see it. A representative under a mandate for chosen
	 * matters (issue 15) sees the documents that no application uses yet (to reuse them
	 * for a matter of the mandate) and those of the mandate's matters, and of each only
	 * the uses inside the mandate; everything tied only to other matters is not there. An
	 * all-matters mandate or a guardian sees the whole shelf.
	 */
	public List<Entry> of(OneStopUser user) {
		List<Entry> all = of(user.username());
		if (!scoped(user)) {
			return all;
		}
		return all.stream()
			.filter(e -> untied(e) || inside(user, e))
			.map(e -> new Entry(e.document(),
					e.issuedFor() != null && user.mayActOn(e.issuedFor().serviceCode()) ? e.issuedFor() : null,
					e.usedBy().stream().filter(u -> user.mayActOn(u.serviceCode())).toList()))
			.toList();
	}

	/** Whether the user is a representative limited to chosen matters. */
	static boolean scoped(OneStopUser user) {
		return user.represented() && !user.representedBy().serviceCodes().isEmpty();
	}

	private static boolean untied(Entry e) {
		return e.issuedFor() == null && e.usedBy().isEmpty();
	}

	private static boolean inside(OneStopUser user, Entry e) {
		return (e.issuedFor() != null && user.mayActOn(e.issuedFor().serviceCode()))
				|| e.usedBy().stream().anyMatch(u -> user.mayActOn(u.serviceCode()));
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
