package org.onestop.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * A department's part in a complaint: the lead, or a co-handler with its own deadline.
 */
public record Assignment(UUID id, UUID complaintId, String department, Kind kind, Instant assignedAt, String assignedBy,
		Instant dueAt, Instant acceptedAt, Instant answeredAt, String answer, String answeredBy, Instant endedAt,
		String endedReason) {

	public enum Kind {

		LEAD, CO_HANDLER

	}

	public boolean active() {
		return endedAt == null;
	}

}
