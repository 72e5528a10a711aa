package org.onestop.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.Application.Decision;
import org.onestop.application.Application.Status;

/**
 * One application as its applicant (or the handling department) reads it;
 * {@code reference} is what people quote on the phone.
 */
public record CaseView(UUID id, String reference, String serviceCode, Status status, LocalDate dueDate,
		boolean clockStopped, Instant submittedAt, List<TimelineEntry> timeline, List<OpenRequest> openRequests,
		Decision decision, String certificateCode, int trips, int maxTrips, boolean tripsExceeded, UUID bundleId) {

	/**
	 * One entry of the case's timeline; {@code detail} holds what the entry needs to be
	 * read (outcome, reason, items).
	 */
	public record TimelineEntry(Instant at, String kind, String actor, Map<String, Object> detail) {
	}

	/** Something the government asks of the citizen and that is still open. */
	public record OpenRequest(UUID id, String kind, List<String> items, String reason, Instant requestedAt) {
	}
}
