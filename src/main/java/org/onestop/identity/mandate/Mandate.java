package org.onestop.identity.mandate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A citizen's mandate to another to act for them.
 *
 * @param serviceCodes the matters it covers; empty for all matters
 * @param until the last day it is valid on
 * @param createdBy the grantor online, the clerk at a counter
 */
record Mandate(UUID id, String grantorIdNumber, String grantorName, String representativeIdNumber,
		String representativeName, List<String> serviceCodes, LocalDate until, How how, Instant createdAt,
		String createdBy, Instant revokedAt, String revokedBy) {

	Mandate {
		serviceCodes = List.copyOf(serviceCodes);
	}

	/** How a mandate was given. */
	enum How {

		ONLINE, COUNTER

	}

	/** Where a mandate stands on a day. */
	enum Status {

		ACTIVE, EXPIRED, REVOKED

	}

	Status status(LocalDate today) {
		if (revokedAt != null) {
			return Status.REVOKED;
		}
		return until.isBefore(today) ? Status.EXPIRED : Status.ACTIVE;
	}

	boolean allMatters() {
		return serviceCodes.isEmpty();
	}

}
