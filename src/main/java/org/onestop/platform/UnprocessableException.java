package org.onestop.platform;

import java.util.List;

/**
 * Well-formed, but the rules refuse it as it stands (422): a reused key, unresolved
 * pre-check problems.
 */
public class UnprocessableException extends ProblemException {

	public UnprocessableException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected UnprocessableException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
