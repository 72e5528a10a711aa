package org.onestop.platform;

import java.util.List;

/**
 * The request clashes with the state of things: taken, already done, changed meanwhile
 * (409).
 */
public class ConflictException extends ProblemException {

	public ConflictException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected ConflictException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
