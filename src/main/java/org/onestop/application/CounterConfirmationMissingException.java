package org.onestop.application;

import java.util.List;

import org.onestop.platform.UnprocessableException;

/**
 * A counter application without the clerk's confirmation that they saw the citizen's ID
 * card, or without the citizen's consent (422, each beside its field).
 */
class CounterConfirmationMissingException extends UnprocessableException {

	CounterConfirmationMissingException(List<FieldProblem> missing) {
		super("counter.confirmation.missing", missing);
	}

}
