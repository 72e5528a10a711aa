package org.onestop.platform;

import java.util.List;

/** The caller is known but may not do this to this resource (403). */
public class ForbiddenException extends ProblemException {

	public ForbiddenException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected ForbiddenException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
