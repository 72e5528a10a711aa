package org.onestop.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onestop.application.Application.Decision;
import org.onestop.application.Application.Status;

/** One application as its applicant (or the handling department) reads it. */
public record CaseView(UUID id, String serviceCode, Status status, LocalDate dueDate, boolean clockStopped,
		Instant submittedAt, List<Timeline.Entry> timeline, List<OpenRequest> openRequests, Decision decision,
		String certificateCode, int trips, int maxTrips, boolean tripsExceeded, UUID bundleId) {

	/** Something the government asks of the citizen and that is still open. */
	public record OpenRequest(UUID id, String kind, List<String> items, String reason, Instant requestedAt) {
	}
}
