package org.onestop.identity.mandate;

import java.util.List;

import org.onestop.platform.UnprocessableException;

/** A mandate the rules refuse, with every faulty field named (422). */
class MandateRefused extends UnprocessableException {

	MandateRefused(List<FieldProblem> fields) {
		super("mandate.refused.invalid", fields);
	}

}
