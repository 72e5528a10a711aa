package org.onestop.evaluation.cause;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.evaluation.Cause;
import org.onestop.evaluation.CauseKind;
import org.onestop.evaluation.RatedService;
import org.onestop.evaluation.SubjectType;
import org.onestop.platform.Tokens;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each tracer on what its module really recorded: an application taken through the API (a
 * pre-check rule fired, a supplement asked, a rejection, a counter visit with its wait),
 * a hall ticket and an appointment's ticket with a wait, a conversation passed to a
 * person, a complaint passed between departments.
 */
@IntegrationTest
class TracersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	ApplicationTracer applications;

	@Autowired
	VisitTracer visits;

	@Autowired
	ConversationTracer conversations;

	@Autowired
	ComplaintTracer complaints;

	private static RatedService service(SubjectType type, String id, String matter) {
		return new RatedService(type, id, null, "CA", matter, null, ContactChannel.WEB, Instant.now());
	}

	private static Map<String, Cause> byKindAndKey(List<Cause> causes) {
		return causes.stream().collect(Collectors.toMap(c -> c.kind() + " " + c.key(), c -> c));
	}

	@Test
	void anApplicationCarriesItsRulesSupplementsRejectionTripsAndWaits() throws Exception {
		Citizen citizen = accounts.register(residents.aged(45).create());
		// Under 70: the elderly allowance's pre-check rule fires; with an explanation a
		// person decides.
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{},\"explanation\":\"出生日期登记有误\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.civil");
		complete(clerk, task(clerk, id).orElseThrow(), "{\"outcome\":\"REQUEST_SUPPLEMENT\",\"items\":[\"户口簿\"]}");
		String view = mvc.perform(get("/api/v1/applications/" + id).header("Authorization", citizen.authorization()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String request = JsonPath.read(view, "$.openRequests[0].id");
		mvc.perform(post("/api/v1/applications/" + id + "/requests/" + request + "/answer")
			.header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"户口簿已在窗口出示\"}")).andExpect(status().isOk());
		task(clerk, id).ifPresent(t -> complete(clerk, t, "{\"outcome\":\"ACCEPT\"}"));
		String reviewer = "Bearer " + Tokens.of(mvc, "reviewer.civil");
		complete(reviewer, task(reviewer, id).orElseThrow(),
				"{\"outcome\":\"REJECT\",\"reason\":\"户籍登记未满一年\",\"legalBasis\":\"《高龄津贴发放办法》第三条\","
						+ "\"remedy\":\"户籍满一年后可再次申请\"}");
		UUID ticket = ticket("HALL-EAST", "CA-ELD-001", null, 42);
		db.sql("""
				INSERT INTO application_trip (application_id, at, hall, purpose, recorded_by, ticket)
				VALUES (:a, now(), 'HALL-EAST', 'fixture', 'test', :t)""")
			.param("a", UUID.fromString(id))
			.param("t", ticket)
			.update();

		Map<String, Cause> causes = byKindAndKey(
				applications.trace(service(SubjectType.APPLICATION, id, "CA-ELD-001")));
		assertThat(causes.get("MATTER CA-ELD-001").detail()).containsKey("version");
		Cause rule = causes.get("RULE precheck-CA-ELD-001:NOT_ELIGIBLE_AGE");
		assertThat(rule).as(causes.keySet().toString()).isNotNull();
		assertThat((String) rule.detail().get("label")).isNotBlank();
		assertThat(causes).containsKey("SUPPLEMENT 户口簿");
		assertThat(causes.get("REJECTION text").detail()).containsEntry("reason", "户籍登记未满一年");
		Cause trips = causes.values().stream().filter(c -> c.kind() == CauseKind.TRIPS).findFirst().orElseThrow();
		int max = ((Number) trips.detail().get("max")).intValue();
		assertThat(trips.detail()).containsEntry("trips", 1);
		assertThat(trips.key()).isEqualTo(1 > max ? "over-max" : "count");
		assertThat(causes.get("WAIT HALL-EAST").detail()).containsEntry("minutes", 42L).containsEntry("over", true);
		// Nothing is known of an id that is no application.
		assertThat(applications.trace(service(SubjectType.APPLICATION, "not-an-id", null))).isEmpty();
	}

	@Test
	void aVisitCarriesItsWaitAtTheHallAndItsMatter() {
		UUID ticket = ticket("HALL-WEST", "PS-ID-001", null, 12);
		Map<String, Cause> causes = byKindAndKey(visits.trace(service(SubjectType.TICKET, ticket.toString(), null)));
		assertThat(causes.keySet()).containsExactlyInAnyOrder("MATTER PS-ID-001", "WAIT HALL-WEST");
		assertThat(causes.get("WAIT HALL-WEST").detail()).containsEntry("minutes", 12L).containsEntry("over", false);
		UUID appointment = UUID.randomUUID();
		ticket("HALL-EAST", "PS-ID-001", appointment, 35);
		Map<String, Cause> kept = byKindAndKey(
				visits.trace(service(SubjectType.APPOINTMENT, appointment.toString(), "PS-ID-001")));
		assertThat(kept.get("WAIT HALL-EAST").detail()).containsEntry("minutes", 35L).containsEntry("over", true);
		assertThat(visits.trace(service(SubjectType.TICKET, UUID.randomUUID().toString(), null))).isEmpty();
	}

	@Test
	void aConversationCarriesItsHandoffToAPerson() {
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO assistant_conversation (id, channel, citizen, pool, handoff, started_at, last_seen_at,
				    person_requested_at, queued_at, connected_at, ended_at, abandonments, contact_channel)
				VALUES (:id, 'WEB', 'zhao.lei', 'GENERAL', 'ENDED', :t, :t, :t, :t, :t::timestamptz + interval '95 seconds',
				    :t::timestamptz + interval '10 minutes', 1, 'WEB')""")
			.param("id", id)
			.param("t", Timestamp.from(Instant.parse("2020-03-03T02:00:00Z")))
			.update();
		db.sql("INSERT INTO assistant_matter (conversation_id, code, name, at) VALUES (:id, 'CA-ELD-001', '高龄津贴', now())")
			.param("id", id)
			.update();
		Map<String, Cause> causes = byKindAndKey(
				conversations.trace(service(SubjectType.CONVERSATION, id.toString(), null)));
		assertThat(causes.get("HANDOFF to-person").detail()).containsEntry("secondsToPerson", 95L);
		assertThat(causes.get("HANDOFF abandoned-waiting").detail()).containsEntry("count", 1);
		assertThat(causes).containsKey("MATTER CA-ELD-001");
	}

	@Test
	void aComplaintCarriesItsHandoffsBetweenDepartments() {
		Map<String, Object> category = db.sql(
				"SELECT code, urgency_tier FROM complaint_category WHERE parent_code IS NOT NULL ORDER BY code LIMIT 1")
			.query()
			.singleRow();
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO complaint (id, tracking_code, channel, category_code, description, urgency_tier, status,
				    received_at, dispatch_count, reopen_count, contact_channel)
				VALUES (:id, :code, 'WEB', :category, '路灯不亮', :tier, 'REPLIED', now(), 3, 1, 'WEB')""")
			.param("id", id)
			.param("code", "T" + id.toString().substring(0, 12))
			.param("category", category.get("code"))
			.param("tier", category.get("urgency_tier"))
			.update();
		Map<String, Cause> causes = byKindAndKey(complaints.trace(service(SubjectType.COMPLAINT, id.toString(), null)));
		assertThat(causes.keySet()).containsExactlyInAnyOrder("HANDOFF redispatched", "HANDOFF reopened");
		assertThat(causes.get("HANDOFF redispatched").detail()).containsEntry("count", 2)
			.containsEntry("category", category.get("code"));
	}

	/** A served ticket, called {@code minutes} after it was issued. */
	private UUID ticket(String hall, String matter, UUID appointment, int minutes) {
		UUID id = UUID.randomUUID();
		Instant arrived = Instant.parse("2020-03-03T02:00:00Z");
		db.sql("""
				INSERT INTO queue_ticket (id, hall, day, group_code, number, service_code, kind, appointment_id, status,
				    arrived_at, first_called_at, called_at, completed_at, issued_by, updated_at, channel)
				VALUES (:id, :hall, :day, 'A', :number, :matter, :kind, :appointment, 'COMPLETED', :arrived, :called, :called,
				    :called, 'test', :called, 'COUNTER')""")
			.param("id", id)
			.param("hall", hall)
			.param("day", LocalDate.of(2020, 3, 3))
			.param("number", "T" + id.toString().substring(0, 8))
			.param("matter", matter)
			.param("kind", appointment == null ? "WALK_IN" : "APPOINTMENT")
			.param("appointment", appointment)
			.param("arrived", Timestamp.from(arrived))
			.param("called", Timestamp.from(arrived.plusSeconds(minutes * 60L + 20)))
			.update();
		return id;
	}

	private Optional<String> task(String staff, String applicationId) throws Exception {
		String body = mvc.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(body, "$.tasks[?(@.applicationId == '" + applicationId + "')].id");
		return ids.stream().findFirst();
	}

	private void complete(String staff, String task, String outcome) {
		try {
			mvc.perform(post("/api/v1/staff/tasks/" + task + "/complete").header("Authorization", staff)
				.contentType(MediaType.APPLICATION_JSON)
				.content(outcome)).andExpect(status().isOk());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
