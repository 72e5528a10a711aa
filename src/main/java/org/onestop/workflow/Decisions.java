package org.onestop.workflow;

import java.util.List;
import java.util.Map;

import org.flowable.dmn.api.DmnDecisionService;
import org.flowable.dmn.api.DmnRepositoryService;
import org.springframework.stereotype.Service;

/**
 * Decision tables (DMN) kept as data: every rule that fires, not just the first (hit
 * policy COLLECT).
 */
@Service
public class Decisions {

	private final DmnDecisionService decisions;

	private final DmnRepositoryService repository;

	Decisions(DmnDecisionService decisions, DmnRepositoryService repository) {
		this.decisions = decisions;
		this.repository = repository;
	}

	public boolean exists(String decisionKey) {
		return repository.createDecisionQuery().decisionKey(decisionKey).latestVersion().count() > 0;
	}

	/**
	 * Evaluates the latest version of a decision table; one map of outputs per rule that
	 * fired.
	 */
	public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
		var result = decisions.createExecuteDecisionBuilder()
			.decisionKey(decisionKey)
			.variables(variables)
			.executeWithAuditTrail();
		if (result.isFailed()) {
			// A broken table must be seen, not read as "no problems found".
			throw new IllegalStateException("Decision " + decisionKey + " failed: " + result.getExceptionMessage());
		}
		return result.getDecisionResult();
	}

}
