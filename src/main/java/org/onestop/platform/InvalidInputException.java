package org.onestop.platform;

import java.util.List;

/** Input that the rules refuse, with every faulty field named at once (400). */
public class InvalidInputException extends ProblemException {

	public InvalidInputException(List<FieldProblem> fields) {
		super("problem.detail.validation", fields);
	}

	public InvalidInputException(String field, String messageKey, Object... args) {
		this(List.of(new FieldProblem(field, messageKey, args)));
	}

	protected InvalidInputException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
