package org.onestop.application;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.platform.WorkingCalendar;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Outboxes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A supplement request and a decision reach the applicant's phone and proved e-mail, in
 * the transaction of the step that made them.
 */
@IntegrationTest
class DecisionMessagesIntegrationTests {

	static final String ELD = "CA-ELD-001";

	static final String SUPPLEMENT = "application.notice.named.supplement";

	static final String APPROVED = "application.notice.named.approved";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TestClock clock;

	@BeforeEach
	void onAWorkingMorning() {
		clock.moveToLatestWorkingMorning(calendar);
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	@Test
	void aSupplementRequestAndAnApprovalAreTextedAndMailed() throws Exception {
		Outboxes.ensureKind(db, SUPPLEMENT, "DECISIONS");
		Outboxes.ensureKind(db, APPROVED, "DECISIONS");
		Citizen citizen = accounts.elder();
		Outboxes.proveEmail(db, citizen.username(), "applicant@example.org");
		String reviewer = Citizens.token(mvc, "reviewer.civil");

		String first = submitted(citizen);
		complete(reviewer, taskOf(reviewer, first),
				"{\"outcome\":\"REQUEST_SUPPLEMENT\",\"items\":[\"银行账号\"],\"reason\":\"发放需要\"}");
		assertThat(Outboxes.rows(db, citizen.username(), SUPPLEMENT, "SMS", citizen.resident().phone())).isEqualTo(1);
		assertThat(Outboxes.rows(db, citizen.username(), SUPPLEMENT, "EMAIL", "applicant@example.org")).isEqualTo(1);

		// Another applicant: one open application per matter.
		Citizen other = accounts.elder();
		Outboxes.proveEmail(db, other.username(), "approved@example.org");
		String second = submitted(other);
		complete(reviewer, taskOf(reviewer, second), "{\"outcome\":\"APPROVE\"}");
		assertThat(Outboxes.rows(db, other.username(), APPROVED, "SMS", other.resident().phone())).isEqualTo(1);
		assertThat(Outboxes.rows(db, other.username(), APPROVED, "EMAIL", "approved@example.org")).isEqualTo(1);
	}

	private String submitted(Citizen citizen) throws Exception {
		return Citizens.id(mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"" + ELD + "\",\"fields\":{}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String taskOf(String staff, String application) throws Exception {
		String body = mvc.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(body, "$.tasks[?(@.applicationId == '" + application + "')].id");
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private void complete(String staff, String task, String outcome) throws Exception {
		mvc.perform(post("/api/v1/staff/tasks/" + task + "/complete").header("Authorization", staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content(outcome)).andExpect(status().isOk());
	}

}
