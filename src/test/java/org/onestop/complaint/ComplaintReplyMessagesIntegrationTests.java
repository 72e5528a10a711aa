package org.onestop.complaint;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Outboxes;
import org.onestop.testdata.Residents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A reply to a signed-in reporter's complaint reaches their phone and proved e-mail. */
@IntegrationTest
class ComplaintReplyMessagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Test
	void theReplyIsTextedAndMailed() throws Exception {
		Outboxes.ensureKind(db, "complaint.notice.replied", "COMPLAINTS");
		Citizen reporter = accounts.register(residents.aged(36).create());
		Outboxes.proveEmail(db, reporter.username(), "reporter@example.org");
		String id = JsonPath.read(mvc
			.perform(post("/api/v1/complaints").header("Authorization", reporter.authorization())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"ENV-NOISE-NEIGHBOUR\",\"description\":\"楼下商铺音响每晚开到十一点\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		ComplaintApi api = new ComplaintApi(mvc);
		assertThat(api
			.post("dispatcher", "/api/v1/complaints/" + id + "/dispatch",
					"{\"leadDepartment\":\"PS\",\"coHandlers\":[]}")
			.getStatus()).isEqualTo(200);
		assertThat(api.post("handler.ps", "/api/v1/complaints/" + id + "/contact", "{\"note\":\"电话联系\"}").getStatus())
			.isEqualTo(200);
		MockHttpServletResponse replied = api.post("handler.ps", "/api/v1/complaints/" + id + "/reply",
				"{\"text\":\"已约谈商铺负责人\"}");
		assertThat(replied.getStatus()).as(replied.getContentAsString()).isEqualTo(200);

		assertThat(
				Outboxes.rows(db, reporter.username(), "complaint.notice.replied", "SMS", reporter.resident().phone()))
			.isEqualTo(1);
		assertThat(Outboxes.rows(db, reporter.username(), "complaint.notice.replied", "EMAIL", "reporter@example.org"))
			.isEqualTo(1);
	}

}
