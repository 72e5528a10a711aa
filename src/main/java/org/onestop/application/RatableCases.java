package org.onestop.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Component;

/**
 * Decided applications as a rating of the service sees them (issue 17): whose they were,
 * which department decided, through which channel they came. Nothing of the application's
 * content leaves the module.
 */
@Component
public class RatableCases {

	private final RatableCaseQueries queries;

	RatableCases(RatableCaseQueries queries) {
		this.queries = queries;
	}

	/**
	 * A decided application (approved or rejected) as a finished service.
	 *
	 * @param applicant the citizen's username
	 */
	public record DecidedCase(UUID id, String applicant, String department, String serviceCode, String hall,
			ContactChannel channel, Instant decidedAt) {
	}

	/** The application if it is decided; empty while it is open, withdrawn or unknown. */
	public Optional<DecidedCase> decided(UUID application) {
		return queries.decided(application);
	}

}
