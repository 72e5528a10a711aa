package org.onestop.platform;

import java.util.List;

/**
 * The request as a whole is malformed, with no single field to blame (400); see
 * {@link InvalidInputException} for fields.
 */
public class InvalidRequestException extends ProblemException {

	public InvalidRequestException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected InvalidRequestException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
