package org.onestop.platform;

import java.util.List;

/** The caller must sign in or present valid credentials first (401). */
public class UnauthenticatedException extends ProblemException {

	public UnauthenticatedException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected UnauthenticatedException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
