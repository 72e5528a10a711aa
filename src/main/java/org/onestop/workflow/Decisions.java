package org.onestop.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

	private final Set<String> deployed = ConcurrentHashMap.newKeySet();

	Decisions(DmnDecisionService decisions, DmnRepositoryService repository) {
		this.decisions = decisions;
		this.repository = repository;
	}

	/**
	 * Whether a decision table is deployed. A deployed key stays deployed (tables are
	 * versioned, never undeployed), so a yes is remembered: the pre-check asked the
	 * database before every evaluation. A no is asked again, since another node may
	 * deploy it.
	 */
	public boolean exists(String decisionKey) {
		if (deployed.contains(decisionKey)) {
			return true;
		}
		boolean exists = repository.createDecisionQuery().decisionKey(decisionKey).latestVersion().count() > 0;
		if (exists) {
			deployed.add(decisionKey);
		}
		return exists;
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
