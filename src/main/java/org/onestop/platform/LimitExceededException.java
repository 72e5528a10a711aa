package org.onestop.platform;

import java.util.List;

/**
 * The caller has used up a limit (requests, codes, conversations) and must wait (429).
 */
public class LimitExceededException extends ProblemException {

	public LimitExceededException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected LimitExceededException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
