package org.onestop.application;

import java.util.List;

import org.onestop.platform.UnprocessableException;

/** Submission with unresolved pre-check problems and no explanation: the citizen hears every problem. */
class PrecheckFailedException extends UnprocessableException {

	private final transient List<PrecheckProblem> problems;

	PrecheckFailedException(List<PrecheckProblem> problems) {
		super("application.precheck.failed", problems.size());
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
