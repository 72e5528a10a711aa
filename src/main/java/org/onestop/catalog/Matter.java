package org.onestop.catalog;

import java.time.Instant;

/**
 * One stored version of a matter. Applications refer to a matter by code and version, so
 * a version, once stored, never changes.
 */
public record Matter(String code, int version, Status status, Instant savedAt, MatterDefinition definition) {

	/** Whether the public may see a matter. */
	public enum Status {

		DRAFT, PUBLISHED, WITHDRAWN

	}
}
