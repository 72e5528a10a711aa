package org.onestop.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.workflow.Workflow;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new submission answers with the application built in memory and sets its first status
 * without asking the engine: both must be what the database and the process say.
 */
@IntegrationTest
class SubmissionAnswerIntegrationTests {

	static final OneStopUser WANG_FANG = new OneStopUser("wang.fang", "王芳", false, "110108195404123061", null,
			Set.of());

	@Autowired
	Submissions submissions;

	@Autowired
	ApplicationStore store;

	@Autowired
	Workflow workflow;

	@Test
	void theAnswerIsTheStoredRowAndItsStatusIsWhereTheProcessWaits() {
		Submissions.Submitted submitted = submissions.submit(WANG_FANG, UUID.randomUUID().toString(),
				new ApplicationForm("CA-ELD-001", Map.of(), List.of(), null, null));
		Application answer = submitted.application();
		assertThat(answer).isEqualTo(store.find(answer.id()).orElseThrow());
		assertThat(answer.reference()).isNotBlank();
		assertThat(answer.status()).isEqualTo(Application.Status.IN_REVIEW)
			.isEqualTo(CaseStatus.of(workflow.activeSteps(answer.processInstanceId())));
	}

}
