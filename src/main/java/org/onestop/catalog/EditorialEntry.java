package org.onestop.catalog;

/**
 * A matter as editors see it: its latest version, and the version the public sees (null
 * when none).
 */
public record EditorialEntry(Matter latest, Integer publishedVersion) {

	public boolean latestIsPublished() {
		return publishedVersion != null && publishedVersion == latest.version();
	}
}
