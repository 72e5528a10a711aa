package org.onestop.application;

import java.time.LocalDate;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Applications end to end through the API on real PostgreSQL and the real BPMN process:
 * submission, staff tasks by department and role, one supplement round, rejections that
 * must give reasons, and the supervisor who decides a repeated rejection.
 * <p>
 * Each test runs on the morning of the latest working day, and counts the days it needs
 * in working days, so that no real date (a week with a holiday in it) changes what it
 * holds; {@code ApplicationJourneyOnFixedDatesIntegrationTests} runs it on fixed days
 * around the holidays.
 */
@IntegrationTest
class ApplicationJourneyIntegrationTests {

	static final String ELD = "CA-ELD-001";

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
		if (!clock.moved()) {
			clock.moveToLatestWorkingMorning(calendar);
		}
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	ResultActions submit(String token, String body) throws Exception {
		return mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	String submitted(String token) throws Exception {
		String body = submit(token, "{\"serviceCode\":\"" + ELD + "\",\"fields\":{}}").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Citizens.id(body);
	}

	String taskOf(String staffToken, String applicationId) throws Exception {
		String body = mvc.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", staffToken))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(body, "$.tasks[?(@.applicationId == '" + applicationId + "')].id");
		assertThat(ids).as("task of " + applicationId).hasSize(1);
		return ids.get(0);
	}

	ResultActions complete(String staffToken, String taskId, String outcome) throws Exception {
		return mvc.perform(post("/api/v1/staff/tasks/" + taskId + "/complete").header("Authorization", staffToken)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(outcome));
	}

	String statusOf(String token, String id) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/applications/" + id).header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.status");
	}

	@Test
	void anOnlineMatterWhosePrecheckPassesGoesStraightToTheDepartmentsReviewers() throws Exception {
		String citizen = accounts.elder().authorization();
		String id = submitted(citizen);
		assertThat(statusOf(citizen, id)).isEqualTo("IN_REVIEW");
		String reviewer = Citizens.token(mvc, "reviewer.civil");
		String task = taskOf(reviewer, id);
		// Another department's staff, and a clerk of the right department, see nothing of
		// it.
		for (String other : new String[] { "reviewer.ps", "clerk.civil" }) {
			String body = mvc
				.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", Citizens.token(mvc, other)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat((List<?>) JsonPath.read(body, "$.tasks[?(@.applicationId == '" + id + "')]")).isEmpty();
			mvc.perform(
					post("/api/v1/staff/tasks/" + task + "/claim").header("Authorization", Citizens.token(mvc, other)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(post("/api/v1/staff/tasks/" + task + "/claim").header("Authorization", reviewer))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/staff/tasks/" + task + "/release").header("Authorization", reviewer))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/staff/tasks/" + task + "/claim").header("Authorization", reviewer))
			.andExpect(status().isOk());
		complete(reviewer, task, "{\"outcome\":\"APPROVE\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", citizen))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decision.outcome").value("APPROVED"))
			.andExpect(jsonPath("$.timeline[0].kind").value("SUBMITTED"));
		// Approval issued an e-certificate: in the vault, downloadable by the applicant
		// only, verifiable by anyone.
		String code = JsonPath.read(mvc.perform(get("/api/v1/applications/" + id).header("Authorization", citizen))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.certificateCode");
		assertThat(code).isNotBlank();
		mvc.perform(get("/api/v1/applications/" + id + "/certificate").header("Authorization", citizen))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType(MediaType.APPLICATION_PDF));
		mvc.perform(get("/api/v1/applications/" + id + "/certificate").header("Authorization",
				Citizens.token(mvc, "zhao.lei")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/me/documents").header("Authorization", citizen))
			.andExpect(jsonPath("$[?(@.origin == 'ISSUED')]").isNotEmpty());
		mvc.perform(get("/verify/" + code)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/certificates/" + code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.holderIdMasked").value(org.hamcrest.Matchers.containsString("*")));
		assertThat(db.sql("SELECT kind FROM notification WHERE link = :l ORDER BY created_at")
			.param("l", "/applications/" + id)
			.query(String.class)
			.list()).contains("DECIDED");
	}

	@Test
	void onlyTheApplicantAndTheHandlingDepartmentMayReadAnApplication() throws Exception {
		String citizen = accounts.elder().authorization();
		String id = submitted(citizen);
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", citizen)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", Citizens.token(mvc, "reviewer.civil")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/staff/applications/" + id).header("Authorization", Citizens.token(mvc, "clerk.civil")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields[?(@.name == 'name')].source").value("population.name"));
		for (String other : new String[] { "zhao.lei", "li.na", "reviewer.ps", "clerk.hr" }) {
			mvc.perform(get("/api/v1/applications/" + id).header("Authorization", Citizens.token(mvc, other))
				.header("Accept-Language", "en"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value("This application was not found"));
		}
		mvc.perform(get("/api/v1/staff/applications/" + id).header("Authorization", Citizens.token(mvc, "reviewer.ps")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/applications/" + id)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/applications").header("Authorization", Citizens.token(mvc, "zhao.lei")))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").isEmpty());
	}

	@Test
	void oneSupplementRoundStopsTheClockAndASecondNeedsASupervisor() throws Exception {
		String citizen = accounts.elder().authorization();
		String id = submitted(citizen);
		String reviewer = Citizens.token(mvc, "reviewer.civil");
		complete(reviewer, taskOf(reviewer, id), "{\"outcome\":\"REQUEST_SUPPLEMENT\",\"items\":[]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"));
		complete(reviewer, taskOf(reviewer, id),
				"{\"outcome\":\"REQUEST_SUPPLEMENT\",\"items\":[\"银行账号\",\"近期照片\"],\"reason\":\"发放需要\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AWAITING_CITIZEN"))
			.andExpect(jsonPath("$.clockStopped").value(true));
		String view = mvc.perform(get("/api/v1/applications/" + id).header("Authorization", citizen))
			.andExpect(jsonPath("$.openRequests[0].items.length()").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String request = JsonPath.read(view, "$.openRequests[0].id");
		// Someone else cannot answer it.
		mvc.perform(post("/api/v1/applications/" + id + "/requests/" + request + "/answer")
			.header("Authorization", Citizens.token(mvc, "zhao.lei"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"x\"}")).andExpect(status().isNotFound());
		// The citizen took five working days to answer (a calendar week before a holiday
		// may hold only one): the due date moves by the working days the clock was
		// stopped.
		LocalDate due = db.sql("SELECT due_date FROM application WHERE id = :a")
			.param("a", UUID.fromString(id))
			.query(LocalDate.class)
			.single();
		LocalDate today = clock.today();
		LocalDate stopped = today;
		while (calendar.workingDaysBetween(stopped, today) < 5) {
			stopped = stopped.minusDays(1);
		}
		db.sql("UPDATE application SET clock_stopped_on = :d WHERE id = :a")
			.param("d", stopped)
			.param("a", UUID.fromString(id))
			.update();
		int paused = calendar.workingDaysBetween(stopped, today);
		mvc.perform(
				post("/api/v1/applications/" + id + "/requests/" + request + "/answer").header("Authorization", citizen)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"fields\":{\"bankAccount\":\"6222020200112233445\"},\"note\":\"照片已在窗口拍摄\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.clockStopped").value(false))
			.andExpect(jsonPath("$.dueDate").value(calendar.addWorkingDays(due, paused).toString()));
		assertThat(paused).isEqualTo(5);
		// A second round does not reach the citizen: it waits for a supervisor.
		complete(reviewer, taskOf(reviewer, id), "{\"outcome\":\"REQUEST_SUPPLEMENT\",\"items\":[\"户口簿\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUPERVISOR_REVIEW"))
			.andExpect(jsonPath("$.openRequests").isEmpty());
		String supervisor = Citizens.token(mvc, "supervisor.civil");
		String approval = taskOf(supervisor, id);
		complete(supervisor, approval, "{\"outcome\":\"APPROVE_SUPPLEMENT\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		complete(supervisor, approval, "{\"outcome\":\"DENY_SUPPLEMENT\",\"reason\":\"户籍信息可直接共享核验\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"));
		assertThat(db.sql("SELECT count(*) FROM discretion_log WHERE application_id = :a")
			.param("a", UUID.fromString(id))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(db.sql("SELECT supplement_rounds FROM application WHERE id = :a")
			.param("a", UUID.fromString(id))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRejectionMustSayWhyOnWhatBasisAndWhatWouldMakeItApprovable() throws Exception {
		String citizen = accounts.elder().authorization();
		String id = submitted(citizen);
		String reviewer = Citizens.token(mvc, "reviewer.civil");
		String task = taskOf(reviewer, id);
		complete(reviewer, task, "{\"outcome\":\"REJECT\",\"reason\":\"不符合条件\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("legalBasis", "remedy")))
			.andExpect(jsonPath("$.errors[?(@.field == 'legalBasis')].message")
				.value("A rejection must give its legal basis"));
		assertThat(statusOf(citizen, id)).isEqualTo("IN_REVIEW");
		complete(reviewer, task, "{\"outcome\":\"SHRUG\"}").andExpect(status().isBadRequest());
		complete(reviewer, task, rejection()).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.decision.legalBasis").value("《高龄津贴发放办法》第三条"))
			.andExpect(jsonPath("$.decision.remedy").exists());
	}

	@Test
	void aSecondRejectionWithin180DaysGoesToASupervisorWhoseDecisionIsLogged() throws Exception {
		String citizen = accounts.elder().authorization();
		String reviewer = Citizens.token(mvc, "reviewer.civil");
		String first = submitted(citizen);
		complete(reviewer, taskOf(reviewer, first), rejection()).andExpect(jsonPath("$.status").value("REJECTED"));
		String second = submitted(citizen);
		complete(reviewer, taskOf(reviewer, second), rejection()).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUPERVISOR_REVIEW"));
		String supervisor = Citizens.token(mvc, "supervisor.civil");
		String task = taskOf(supervisor, second);
		// The reviewer cannot decide it.
		mvc.perform(post("/api/v1/staff/tasks/" + task + "/claim").header("Authorization", reviewer))
			.andExpect(status().isNotFound());
		complete(supervisor, task, "{\"outcome\":\"APPROVE_WITH_ADJUSTMENT\",\"adjustedRule\":\"户籍满一年\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("justification"));
		complete(supervisor, task,
				"{\"outcome\":\"APPROVE_WITH_ADJUSTMENT\",\"adjustedRule\":\"户籍满一年\","
						+ "\"justification\":\"因拆迁迁出又迁回，实际居住已满二十年\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decision.adjustedRule").value("户籍满一年"));
		String log = mvc
			.perform(get("/api/v1/staff/discretion-log").header("Authorization", Citizens.token(mvc, "auditor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(log, "$[?(@.applicationId == '" + second + "')].outcome"))
			.containsExactly("APPROVE_WITH_ADJUSTMENT");
		mvc.perform(get("/api/v1/staff/discretion-log").header("Authorization", reviewer))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/staff/discretion-log").header("Authorization", Citizens.token(mvc, "reviewer.ps")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aFieldVisitsFindingsReturnToTheReviewer() throws Exception {
		String citizen = accounts.elder().authorization();
		String id = submitted(citizen);
		String reviewer = Citizens.token(mvc, "reviewer.civil");
		complete(reviewer, taskOf(reviewer, id), "{\"outcome\":\"FIELD_VISIT\",\"reason\":\"核实居住情况\"}")
			.andExpect(jsonPath("$.status").value("FIELD_VISIT"));
		String officer = Citizens.token(mvc, "field.civil");
		String visit = taskOf(officer, id);
		complete(officer, visit, "{\"outcome\":\"REPORT\"}").andExpect(status().isBadRequest());
		complete(officer, visit, "{\"outcome\":\"REPORT\",\"findings\":\"本人在户籍地居住\"}")
			.andExpect(jsonPath("$.status").value("IN_REVIEW"));
		taskOf(reviewer, id);
	}

	@Test
	void tripsAreRecordedAndTheMattersMaximumIsFlagged() throws Exception {
		String citizen = accounts.elder().authorization();
		String id = submitted(citizen);
		String clerk = Citizens.token(mvc, "clerk.civil");
		mvc.perform(post("/api/v1/staff/applications/" + id + "/trips").header("Authorization", clerk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"hall\":\"DC\",\"purpose\":\"核验原件\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.trips").value(1))
			.andExpect(jsonPath("$.maxTrips").value(0))
			.andExpect(jsonPath("$.tripsExceeded").value(true));
		mvc.perform(post("/api/v1/staff/applications/" + id + "/trips")
			.header("Authorization", Citizens.token(mvc, "clerk.ps"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"purpose\":\"x\"}")).andExpect(status().isNotFound());
	}

	@Test
	void theCitizenMayWithdrawAnOpenApplicationAndItsTasksDisappear() throws Exception {
		String citizen = accounts.elder().authorization();
		String id = submitted(citizen);
		mvc.perform(post("/api/v1/applications/" + id + "/withdraw").header("Authorization", citizen))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		String body = mvc
			.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", Citizens.token(mvc, "reviewer.civil")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<?>) JsonPath.read(body, "$.tasks[?(@.applicationId == '" + id + "')]")).isEmpty();
		mvc.perform(post("/api/v1/applications/" + id + "/withdraw").header("Authorization", citizen))
			.andExpect(status().isConflict());
	}

	@Test
	void whoHeldARejectionCannotConfirmItAndAClosedApplicationTakesNoAnswers() throws Exception {
		String admin = Citizens.token(mvc, "admin");
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"both.civil\",\"displayName\":\"双岗\",\"department\":\"CA\","
					+ "\"roles\":[\"REVIEWER\",\"SUPERVISOR\"],\"password\":\"long-enough-1\"}"));
		String both = "Bearer " + org.onestop.platform.Tokens.of(mvc, "both.civil", "long-enough-1");
		String citizen = accounts.elder().authorization();
		String first = submitted(citizen);
		complete(both, taskOf(both, first), rejection()).andExpect(jsonPath("$.status").value("REJECTED"));
		String second = submitted(citizen);
		complete(both, taskOf(both, second), rejection()).andExpect(jsonPath("$.status").value("SUPERVISOR_REVIEW"));
		String task = taskOf(both, second);
		complete(both, task, "{\"outcome\":\"CONFIRM_REJECTION\",\"reason\":\"维持\"}").andExpect(status().isConflict());
		String supervisor = Citizens.token(mvc, "supervisor.civil");
		complete(supervisor, task, "{\"outcome\":\"INVITE_CONSULTATION\",\"reason\":\"请本人来谈一谈居住情况\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUPERVISOR_REVIEW"));
		String view = mvc.perform(get("/api/v1/applications/" + second).header("Authorization", citizen))
			.andExpect(jsonPath("$.openRequests[0].kind").value("CONSULTATION"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String request = JsonPath.read(view, "$.openRequests[0].id");
		// A consultation is answered with a note, not with new values.
		mvc.perform(post("/api/v1/applications/" + second + "/requests/" + request + "/answer")
			.header("Authorization", citizen)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":{\"bankAccount\":\"6222020200112233445\"}}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/applications/" + second + "/withdraw").header("Authorization", citizen))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openRequests").isEmpty());
		mvc.perform(post("/api/v1/applications/" + second + "/requests/" + request + "/answer")
			.header("Authorization", citizen)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"好的\"}")).andExpect(status().isNotFound());
	}

	static String rejection() {
		return "{\"outcome\":\"REJECT\",\"reason\":\"户籍登记未满一年\",\"legalBasis\":\"《高龄津贴发放办法》第三条\","
				+ "\"remedy\":\"户籍满一年后可再次申请；如实际居住已满一年，可提供居住证明\"}";
	}

}
