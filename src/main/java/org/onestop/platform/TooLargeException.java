package org.onestop.platform;

import java.util.List;

/** What was sent, or what it would add up to, is larger than allowed (413). */
public class TooLargeException extends ProblemException {

	public TooLargeException(String detailKey, Object... args) {
		super(detailKey, args);
	}

	protected TooLargeException(String detailKey, List<FieldProblem> fields, Object... args) {
		super(detailKey, fields, args);
	}

}
