package org.onestop.application;

import java.util.List;

import org.onestop.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Submission with unresolved pre-check problems and no explanation: the citizen hears every problem. */
class PrecheckFailedException extends ProblemException {

	private final transient List<PrecheckProblem> problems;

	PrecheckFailedException(List<PrecheckProblem> problems) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, "application.precheck.failed", problems.size());
		this.problems = List.copyOf(problems);
	}

	List<PrecheckProblem> problems() {
		return problems;
	}

	@Override
	public java.util.Map<String, Object> extensions() {
		return java.util.Map.of("problems", problems);
	}
}
