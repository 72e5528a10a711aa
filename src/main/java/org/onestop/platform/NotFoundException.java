package org.onestop.platform;

import java.util.List;

/** What the caller asked for does not exist, or is not theirs to know of (404). */
public class NotFoundException extends ProblemException {

	public NotFoundException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected NotFoundException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
