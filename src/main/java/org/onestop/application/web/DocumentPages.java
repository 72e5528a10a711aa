package org.onestop.application.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the citizen's "my documents" page shows (public because the template reads it):
 * names, never codes.
 */
public final class DocumentPages {

	private DocumentPages() {
	}

	public record DocumentsPage(List<Item> documents) {
	}

	/**
	 * One document.
	 *
	 * @param origin UPLOADED or ISSUED, which the page turns into words
	 * @param issuedFor the application an issued document came from, or null
	 */
	public record Item(UUID id, String name, String origin, String fileType, String size, Instant addedAt,
			Application issuedFor, List<Application> usedBy) {
	}

	/** One of the citizen's applications, by the name of its matter. */
	public record Application(String name, String status, String link) {
	}

}
