package org.onestop.application;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.application.Application.Decision;
import org.onestop.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * The variables of a case's process, by name and type: the names are those the gateways
 * and timers of {@code matter-application.bpmn20.xml} read, and what a supervisor's step
 * needs from the step that sent the case to them (the proposed second supplement, the
 * held rejection) is kept as JSON text.
 */
@Component
class CaseVariables {

	static final String DEPARTMENT = "department";
	static final String AUTO_ACCEPT = "autoAccept";
	static final String DUE_AT = "dueAt";
	static final String WARN_AT = "warnAt";
	static final String OUTCOME = "outcome";
	static final String RETURN_TO = "returnTo";
	static final String SUPPLEMENT_NEEDS_APPROVAL = "supplementNeedsApproval";
	static final String SECOND_REJECTION = "secondRejection";
	static final String PENDING_ITEMS = "pendingItems";
	static final String PENDING_REASON = "pendingReason";
	static final String PENDING_BY = "pendingBy";
	static final String PENDING_REJECTION = "pendingRejection";

	private final Workflow workflow;

	private final ObjectMapper json;

	CaseVariables(Workflow workflow, ObjectMapper json) {
		this.workflow = workflow;
		this.json = json;
	}

	/** The variables a case's process starts with. */
	static Map<String, Object> atStart(String department, boolean autoAccept, Instant dueAt, Instant warnAt) {
		Map<String, Object> variables = new HashMap<>(timers(dueAt, warnAt));
		variables.put(DEPARTMENT, department);
		variables.put(AUTO_ACCEPT, autoAccept);
		variables.put(RETURN_TO, Step.REVIEW.id());
		variables.put(SUPPLEMENT_NEEDS_APPROVAL, false);
		variables.put(SECOND_REJECTION, false);
		return variables;
	}

	/** The moments the timers of the tasks to come act on. */
	static Map<String, Object> timers(Instant dueAt, Instant warnAt) {
		return Map.of(DUE_AT, Date.from(dueAt), WARN_AT, Date.from(warnAt));
	}

	/** Moves the timers of the tasks to come (the clock restarted after a supplement). */
	void moveTimers(String processInstanceId, Instant dueAt, Instant warnAt) {
		workflow.setVariables(processInstanceId, timers(dueAt, warnAt));
	}

	/** The variables a task completes with, starting from its outcome. */
	Completion completion(Outcome outcome) {
		return new Completion(outcome);
	}

	/**
	 * A second supplement round a reviewer proposed, waiting for a supervisor; empty when
	 * there is none.
	 */
	Optional<ProposedSupplement> proposedSupplement(String processInstanceId) {
		Map<String, Object> process = workflow.variables(processInstanceId);
		if (!(process.get(PENDING_BY) instanceof String by)) {
			return Optional.empty();
		}
		List<String> items = read((String) process.get(PENDING_ITEMS), new TypeReference<List<String>>() {
		});
		return Optional
			.of(new ProposedSupplement(by, items == null ? List.of() : items, (String) process.get(PENDING_REASON)));
	}

	/** A rejection held for a supervisor's review; empty when there is none. */
	Optional<Decision> heldRejection(String processInstanceId) {
		return workflow.variables(processInstanceId).get(PENDING_REJECTION) instanceof String s
				? Optional.ofNullable(read(s, new TypeReference<Decision>() {
				})) : Optional.empty();
	}

	/** A second supplement round proposed by {@code by}. */
	record ProposedSupplement(String by, List<String> items, String reason) {
	}

	/** The variables one task completes with. */
	final class Completion {

		private final Map<String, Object> values = new HashMap<>();

		private Completion(Outcome outcome) {
			values.put(OUTCOME, outcome.name());
		}

		/**
		 * Where the case goes back to once the citizen has answered a supplement request.
		 */
		Completion returnTo(Step step) {
			values.put(RETURN_TO, step.id());
			return this;
		}

		Completion supplementNeedsApproval(boolean needed) {
			values.put(SUPPLEMENT_NEEDS_APPROVAL, needed);
			return this;
		}

		Completion secondRejection(boolean second) {
			values.put(SECOND_REJECTION, second);
			return this;
		}

		Completion proposedSupplement(ProposedSupplement proposed) {
			values.put(PENDING_ITEMS, write(proposed.items()));
			values.put(PENDING_REASON, proposed.reason());
			values.put(PENDING_BY, proposed.by());
			return this;
		}

		Completion heldRejection(Decision rejection) {
			values.put(PENDING_REJECTION, write(rejection));
			return this;
		}

		Map<String, Object> asMap() {
			return values;
		}

	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> T read(String text, TypeReference<T> type) {
		try {
			return text == null ? null : json.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A process variable's JSON does not parse", ex);
		}
	}

}
