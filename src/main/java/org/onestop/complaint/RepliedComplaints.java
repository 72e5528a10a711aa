package org.onestop.complaint;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Component;

/**
 * Replied complaints as a rating of the service sees them (issue 17): whose, which
 * department replied, through which channel the complaint came. What was written never
 * leaves the module.
 */
@Component
public class RepliedComplaints {

	private final RepliedComplaintQueries queries;

	RepliedComplaints(RepliedComplaintQueries queries) {
		this.queries = queries;
	}

	/**
	 * A replied complaint.
	 *
	 * @param reporter the signed-in reporter's username; null for an anonymous one
	 * @param department the lead department, which replied
	 */
	public record RepliedComplaint(UUID id, String reporter, String department, ContactChannel channel,
			Instant repliedAt) {
	}

	/** The complaint if it has a reply. */
	public Optional<RepliedComplaint> replied(UUID complaint) {
		return queries.replied(complaint);
	}

}
