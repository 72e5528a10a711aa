package org.onestop.complaint;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * What the complaints module recorded about one complaint, for the evaluation module to
 * trace a rating of its reply to its cause (issue 17): its category and how often it was
 * passed between departments. Read-only.
 */
@Service
public class ComplaintTraces {

	private final ComplaintTraceQueries queries;

	ComplaintTraces(ComplaintTraceQueries queries) {
		this.queries = queries;
	}

	/**
	 * @param redispatches dispatches after the first (to another department)
	 * @param returns returns (退单) a department asked for
	 * @param reopens how often the citizen had it reopened
	 */
	public record ComplaintTrace(UUID id, String category, int redispatches, int returns, int reopens) {
	}

	public Optional<ComplaintTrace> trace(UUID complaint) {
		return queries.complaint(complaint);
	}

}
