package org.onestop.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps and outcomes are those of the BPMN file, by the ids written there. */
class StepTests {

	@Test
	void everyStepIsAnActivityOfTheProcess() throws IOException {
		String bpmn;
		try (InputStream in = getClass().getResourceAsStream("/processes/matter-application.bpmn20.xml")) {
			bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (Step step : Step.values()) {
			assertThat(bpmn).as(step.name()).contains("id=\"" + step.id() + "\"");
		}
		for (Outcome outcome : Outcome.values()) {
			assertThat(bpmn.contains("outcome == '" + outcome.name() + "'") || outcome == Outcome.ACCEPT
					|| outcome == Outcome.REPORT || outcome == Outcome.DENY_SUPPLEMENT)
				.as(outcome.name())
				.isTrue();
		}
	}

	@Test
	void eachTaskAllowsItsOwnOutcomesOnly() {
		assertThat(Step.of("review")).contains(Step.REVIEW);
		assertThat(Step.of("somethingElse")).isEmpty();
		assertThat(Step.REVIEW.outcome("REJECT")).contains(Outcome.REJECT);
		assertThat(Step.ACCEPTANCE.outcome("REJECT")).isEmpty();
		assertThat(Step.REVIEW.allowedOutcomes()).isEqualTo("APPROVE, REQUEST_SUPPLEMENT, REJECT, FIELD_VISIT");
		assertThat(Step.REVIEW_OVERDUE.task()).isEqualTo(Step.REVIEW);
		assertThat(Step.SUPPLEMENT_APPROVAL.forSupervisors()).isTrue();
		assertThat(Step.FIELD_VISIT.forSupervisors()).isFalse();
	}

}
