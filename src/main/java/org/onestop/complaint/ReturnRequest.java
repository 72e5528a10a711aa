package org.onestop.complaint;

import java.time.Instant;
import java.util.UUID;

/** A return (退单) and, once the dispatcher has arbitrated, its decision. */
public record ReturnRequest(UUID id, UUID complaintId, UUID assignmentId, String department, String reason,
		Instant requestedAt, String requestedBy, Instant decidedAt, String decidedBy, Boolean accepted,
		String decisionReason) {

	public boolean pending() {
		return decidedAt == null;
	}

}
