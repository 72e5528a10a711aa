package org.onestop.complaint;

import java.util.UUID;

import org.onestop.shared.AuditableEvent;

/**
 * A complaint moved: filed, dispatched, returned, replied, judged, closed. Published in
 * the transaction of the move, so the audit entry and the move commit together.
 *
 * @param change what happened, such as {@code dispatched} or {@code return-accepted}
 */
public record ComplaintChanged(String actor, UUID complaintId, String change,
		String summary) implements AuditableEvent {

	@Override
	public String action() {
		return "complaint." + change;
	}

	@Override
	public String subject() {
		return "complaint:" + complaintId;
	}

}
