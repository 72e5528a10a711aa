package org.onestop.workflow;

import java.time.Instant;
import java.util.Set;

/**
 * A staff task as the inbox shows it.
 *
 * @param step the BPMN activity id ({@code acceptance}, {@code review},
 * {@code fieldVisit}, {@code supervisorReview}, {@code supplementApproval})
 * @param groups the candidate groups, {@code <department>:<role>}
 * @param due when the promised time runs out; null for tasks without a deadline
 */
public record WorkTask(String id, String caseId, String processInstanceId, String step, String name, String assignee,
		Set<String> groups, Instant created, Instant due) {
}
