package org.onestop.application;

import java.util.List;
import java.util.Map;

import org.onestop.application.form.PrecheckProblem;
import org.onestop.platform.UnprocessableException;

/**
 * Submission with unresolved pre-check problems and no explanation: the citizen hears
 * every problem.
 */
public class PrecheckFailedException extends UnprocessableException {

	private final transient List<PrecheckProblem> problems;

	PrecheckFailedException(List<PrecheckProblem> problems) {
		super("application.precheck.failed", problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<PrecheckProblem> problems() {
		return problems;
	}

	@Override
	public Map<String, Object> extensions() {
		return Map.of("problems", problems);
	}

}
