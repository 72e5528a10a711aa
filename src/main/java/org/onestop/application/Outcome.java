package org.onestop.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person decides on a task, as the process's gateways read it ({@code ${outcome ==
 * 'REJECT'}}): the names are the values of the {@code outcome} variable in
 * {@code matter-application.bpmn20.xml}.
 */
enum Outcome {

	ACCEPT, REQUEST_SUPPLEMENT, APPROVE, REJECT, FIELD_VISIT, REPORT, APPROVE_WITH_ADJUSTMENT, INVITE_CONSULTATION,
	CONFIRM_REJECTION, APPROVE_SUPPLEMENT, DENY_SUPPLEMENT;

	static Optional<Outcome> of(String value) {
		return Arrays.stream(values()).filter(o -> o.name().equals(value)).findFirst();
	}

}
