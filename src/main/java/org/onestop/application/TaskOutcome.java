package org.onestop.application;

import java.util.List;

/**
 * What a member of staff decides on a task.
 *
 * @param outcome ACCEPT, REQUEST_SUPPLEMENT, APPROVE, REJECT, FIELD_VISIT, REPORT (field
 * officer), APPROVE_WITH_ADJUSTMENT, INVITE_CONSULTATION, CONFIRM_REJECTION,
 * APPROVE_SUPPLEMENT, DENY_SUPPLEMENT
 * @param items every missing item, for a supplement request
 * @param findings what the field officer found
 */
public record TaskOutcome(String outcome, String reason, String legalBasis, String remedy, List<String> items,
		String findings, String adjustedRule, String justification) {

	public TaskOutcome {
		items = items == null ? List.of()
				: items.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
	}
}
