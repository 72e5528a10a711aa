package org.onestop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the attacker review found wrong with ratings and follow-ups (issue 17): an
 * excluded rating brought back by its owner, a follow-up still running while the rating
 * says it is not followed up, and a counter visit under a citizen's ID number that never
 * invited them.
 */
@IntegrationTest
class RatingAttackIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	FinishedServices services;

	Citizen citizen;

	@BeforeEach
	void aCitizen() throws Exception {
		services = new FinishedServices(db, publisher, transactions, clock);
		citizen = accounts.register(residents.aged(38).create());
	}

	@Test
	void anExcludedRatingCannotBeChangedAndNeverReopensItsFollowUp() throws Exception {
		String rating = rateBadly();
		String flag = JsonPath.read(
				send(post("/api/v1/ratings/" + rating + "/flags"), "handler.civil", "{\"reason\":\"同一账号一天内给所有事项打差评\"}")
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse()
					.getContentAsString(),
				"$.id");
		// The note is published verbatim: no phone, ID number or e-mail address in it.
		for (String personal : java.util.List.of("联系人电话 138 0013 8000", "身份证 11010119900307888X",
				"见 li.na@example.cn")) {
			send(post("/api/v1/rating-flags/" + flag + "/decision"), "supervisor.services",
					"{\"exclude\":true,\"note\":\"" + personal + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("note"));
		}
		send(post("/api/v1/rating-flags/" + flag + "/decision"), "supervisor.services",
				"{\"exclude\":true,\"note\":\"经核实为2026年12月批量差评\"}")
			.andExpect(status().isOk());
		assertThat(followUpStatus(rating)).isEqualTo("WITHDRAWN");

		mvc.perform(put("/api/v1/ratings/" + rating).header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":1}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("剔除")));
		mvc.perform(put("/api/v1/ratings/" + rating).header("Authorization", citizen.authorization())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":4}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("excluded")));
		assertThat(followUpStatus(rating)).isEqualTo("WITHDRAWN");
		assertThat(level(rating)).isEqualTo(2);

		// Even a change that reached the listener some other way opens nothing.
		transactions.executeWithoutResult(s -> publisher.publishEvent(new RatingGiven(citizen.username(),
				UUID.fromString(rating), SubjectType.APPLICATION, subjectOf(rating), "CA", 1, true, true)));
		assertThat(followUpStatus(rating)).isEqualTo("WITHDRAWN");
	}

	@Test
	void raisingARatingAfterContactWithdrawsTheFollowUpAndFollowedUpSaysSo() throws Exception {
		String rating = rateBadly();
		String followUp = followUpId(rating);
		String version = mvc
			.perform(get("/api/v1/follow-ups/" + followUp).header("Authorization", bearer("handler.civil")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		send(post("/api/v1/follow-ups/" + followUp + "/contact"), "handler.civil", "{\"note\":\"电话联系了李女士\"}", version)
			.andExpect(status().isOk());
		assertThat(followUpStatus(rating)).isEqualTo("CONTACTED");

		change(rating, 4).andExpect(status().isOk()).andExpect(jsonPath("$.followedUp").value(false));
		assertThat(followUpStatus(rating)).isEqualTo("WITHDRAWN");
		assertThat(db.sql("SELECT kind FROM follow_up_event WHERE follow_up_id = CAST(:id AS uuid) ORDER BY id")
			.param("id", followUp)
			.query(String.class)
			.list()).endsWith("WITHDRAWN");
		// Staff can no longer reply to a withdrawn follow-up.
		send(post("/api/v1/follow-ups/" + followUp + "/reply"), "handler.civil",
				"{\"text\":\"已整改\",\"rectified\":true}")
			.andExpect(status().is4xxClientError());

		change(rating, 1).andExpect(status().isOk()).andExpect(jsonPath("$.followedUp").value(true));
		assertThat(followUpStatus(rating)).isEqualTo("OPEN");
		mvc.perform(get("/api/v1/ratings/" + rating).header("Authorization", citizen.authorization()))
			.andExpect(jsonPath("$.followedUp").value(true));
	}

	@Test
	void aCounterVisitUnderACitizensIdNumberInvitesThatCitizen() throws Exception {
		String hall = "HALL-WEST";
		String clerk = bearer("clerk.ps");
		String service = db
			.sql("SELECT min(service_code) FROM appointment_group_matter WHERE hall = :h AND group_code = 'A'")
			.param("h", hall)
			.query(String.class)
			.single();
		db.sql("UPDATE queue_ticket SET status = 'COMPLETED', completed_at = updated_at WHERE hall = :h"
				+ " AND status IN ('WAITING', 'CALLED')")
			.param("h", hall)
			.update();
		String ticket = JsonPath.read(mvc
			.perform(post("/api/v1/halls/" + hall + "/tickets").header("Authorization", clerk)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"%s\",\"idNumber\":\"%s\"}".formatted(service,
						citizen.resident().idNumber().value())))
			.andExpect(status().is2xxSuccessful())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		mvc.perform(post("/api/v1/halls/" + hall + "/counters/1/call-next").header("Authorization", clerk))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(ticket));
		mvc.perform(post("/api/v1/halls/" + hall + "/tickets/" + ticket + "/complete").header("Authorization", clerk))
			.andExpect(status().isOk());
		org.awaitility.Awaitility.await()
			.until(() -> db
				.sql("SELECT count(*) FROM rating_invitation WHERE subject_type = 'TICKET' AND subject_id = :t")
				.param("t", ticket)
				.query(Integer.class)
				.single() == 1);
		assertThat(db.sql("SELECT citizen FROM rating_invitation WHERE subject_type = 'TICKET' AND subject_id = :t")
			.param("t", ticket)
			.query(String.class)
			.single()).isEqualTo(citizen.username());
		rate("TICKET", ticket, 4, "").andExpect(status().isCreated());
	}

	@Test
	void theDepartmentSeesWhoToContactAndWhatServiceItWasAndNobodyElseDoes() throws Exception {
		String rating = rateBadly();
		String followUp = followUpId(rating);
		String body = mvc
			.perform(get("/api/v1/follow-ups/" + followUp).header("Authorization", bearer("handler.civil")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.citizen.name").value(citizen.resident().name()))
			.andExpect(jsonPath("$.citizen.phone").value(citizen.resident().phone()))
			.andExpect(jsonPath("$.service.name.zh").value(org.hamcrest.Matchers.not("一项服务")))
			.andExpect(jsonPath("$.service.name.zh").value(org.hamcrest.Matchers.not("办件")))
			// A complaints handler does not work on case files: no link to one they could
			// not open.
			.andExpect(jsonPath("$.service.staffLink").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("A service");
		assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE subject = :s AND action = 'follow-up.citizen-read'")
			.param("s", "follow-up:" + followUp)
			.query(Integer.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/api/v1/follow-ups/" + followUp).header("Authorization", bearer("clerk.ps")))
			.andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/api/v1/follow-ups").header("Authorization", bearer("handler.civil")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(citizen.resident().phone());
	}

	private String rateBadly() throws Exception {
		String subject = services.decidedApplication(citizen.username());
		String[] parts = subject.split(":");
		String location = rate(parts[0], parts[1], 2, "\"DOCUMENTS_ALREADY_HELD\"").andExpect(status().isCreated())
			.andExpect(jsonPath("$.followedUp").value(true))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private ResultActions rate(String type, String id, int level, String reasons) throws Exception {
		return mvc.perform(post("/api/v1/ratings").header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subjectType\":\"%s\",\"subjectId\":\"%s\",\"level\":%d,\"reasons\":[%s]}".formatted(type, id,
					level, reasons)));
	}

	private ResultActions change(String rating, int level) throws Exception {
		return mvc.perform(put("/api/v1/ratings/" + rating).header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":%d}".formatted(level)));
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String staff, String body) throws Exception {
		return send(request, staff, body, null);
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String staff, String body, String ifMatch) throws Exception {
		request.header("Authorization", bearer(staff)).contentType(MediaType.APPLICATION_JSON).content(body);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return mvc.perform(request);
	}

	private String bearer(String username) throws Exception {
		return "Bearer " + Tokens.of(mvc, username);
	}

	private String followUpId(String rating) {
		return db.sql("SELECT id::text FROM follow_up WHERE rating_id = CAST(:r AS uuid)")
			.param("r", rating)
			.query(String.class)
			.single();
	}

	private String followUpStatus(String rating) {
		return db.sql("SELECT status FROM follow_up WHERE rating_id = CAST(:r AS uuid)")
			.param("r", rating)
			.query(String.class)
			.single();
	}

	private int level(String rating) {
		return db.sql("SELECT level FROM rating WHERE id = CAST(:r AS uuid)")
			.param("r", rating)
			.query(Integer.class)
			.single();
	}

	private String subjectOf(String rating) {
		return db.sql("SELECT subject_id FROM rating WHERE id = CAST(:r AS uuid)")
			.param("r", rating)
			.query(String.class)
			.single();
	}

}
