package org.onestop.content;

import java.time.Instant;
import java.util.List;

/**
 * A public notice or policy explainer.
 *
 * @param bodyHtml sanitised HTML, safe to show as it is
 * @param releasedAt when it was first published; null for a draft never published
 */
public record Notice(long id, String title, String summary, String bodyHtml, List<String> tags, String department,
		String author, Status status, Instant releasedAt, Instant updatedAt) {

	public enum Status {

		DRAFT, PUBLISHED, WITHDRAWN

	}

	public boolean published() {
		return status == Status.PUBLISHED;
	}
}
