package org.onestop.complaint.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.complaint.web.DispatchPagesIntegrationTests.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The department's complaint pages without JavaScript: the inbox with its part, due date
 * and lateness in words, each action as a form (refusals beside the field, what was typed
 * kept), co-handlers' answers before the lead's reply, and the agents' follow-up calls.
 * Another department's complaint is not found.
 */
@IntegrationTest
class StaffComplaintPagesIntegrationTests {

	static final String NOISE = DispatchPagesIntegrationTests.NOISE;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	Staff staff;

	@BeforeEach
	void setUp() {
		staff = new Staff(mvc);
	}

	@Test
	void theInboxShowsEachDepartmentItsPartAndAnotherDepartmentNothing() throws Exception {
		String id = staff.file("li.na", NOISE, "楼上装修到晚上十点", null, null);
		staff.dispatch(id, "PS", "CA");
		String lead = page("handler.ps", "/staff/complaints");
		String row = Staff.block(lead, "data-testid=\"inbox-row\" data-id=\"" + id + "\"", "</dl>");
		assertThat(row).contains("主办").contains("已派单，待联系").contains("data-testid=\"return-until\"");
		String co = page("handler.civil", "/staff/complaints");
		assertThat(Staff.block(co, "data-testid=\"inbox-row\" data-id=\"" + id + "\"", "</dl>")).contains("协办")
			.contains("协办期限")
			.doesNotContain("return-until");
		assertThat(page("handler.um", "/staff/complaints")).doesNotContain(id);
		Cookie other = staff.session("handler.um");
		mvc.perform(get("/staff/complaints/" + id).cookie(other)).andExpect(status().isNotFound());
		mvc.perform(post("/staff/complaints/" + id + "/accept").with(csrf()).cookie(other))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/complaints/" + id + "/reply").with(csrf()).cookie(other).param("reply-text", "x"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theLeadAcceptsContactsWaitsAndResumesThroughTheForms() throws Exception {
		String id = staff.file("li.na", NOISE, "邻居家狗整夜叫", null, null);
		staff.dispatch(id, "PS");
		Cookie ps = staff.session("handler.ps");
		mvc.perform(post("/staff/complaints/" + id + "/accept").with(csrf()).cookie(ps))
			.andExpect(redirectedUrl("/staff/complaints/" + id + "?done=accepted"));
		mvc.perform(get("/staff/complaints/" + id + "?done=accepted").cookie(ps))
			.andExpect(content().string(containsString("已签收。")))
			.andExpect(content().string(not(containsString("id=\"accept-submit\""))))
			.andExpect(content().string(containsString("data-kind=\"ACCEPTED\"")))
			.andExpect(content().string(containsString("handler.ps")));
		mvc.perform(post("/staff/complaints/" + id + "/contact").with(csrf())
			.cookie(ps)
			.param("contact-note", "电话联系，约好明晚上门"))
			.andExpect(redirectedUrl("/staff/complaints/" + id + "?done=contacted"));
		mvc.perform(post("/staff/complaints/" + id + "/wait").with(csrf()).cookie(ps).param("wait-reason", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#wait-reason\"")))
			.andExpect(content().string(containsString("id=\"wait-reason-error\"")))
			.andExpect(content().string(containsString("群众会看到这个说明")));
		mvc.perform(
				post("/staff/complaints/" + id + "/wait").with(csrf()).cookie(ps).param("wait-reason", "等待物业提供监控录像"))
			.andExpect(redirectedUrl("/staff/complaints/" + id + "?done=waiting"));
		mvc.perform(get("/staff/complaints/" + id).cookie(ps))
			.andExpect(content().string(containsString("data-status=\"WAITING\"")))
			.andExpect(content().string(containsString("id=\"resume-submit\"")))
			.andExpect(content().string(not(containsString("id=\"wait-submit\""))));
		assertThat(Staff.<String>read(staff.api("li.na", "GET", "/api/v1/complaints/" + id, null), "$.waitingReason"))
			.isEqualTo("等待物业提供监控录像");
		mvc.perform(post("/staff/complaints/" + id + "/resume").with(csrf()).cookie(ps))
			.andExpect(redirectedUrl("/staff/complaints/" + id + "?done=resumed"));
		assertThat(Staff.<String>read(staff.api("handler.ps", "GET", "/api/v1/complaints/" + id, null), "$.status"))
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void aReturnNeedsAReasonAndThenWaitsForTheDispatchCentre() throws Exception {
		String id = staff.file("li.na", NOISE, "小区门口有人练鼓", null, null);
		staff.dispatch(id, "CA");
		Cookie civil = staff.session("handler.civil");
		mvc.perform(get("/staff/complaints/" + id).cookie(civil))
			.andExpect(content().string(containsString("id=\"return-submit\"")))
			.andExpect(content().string(containsString("退单须在")));
		mvc.perform(post("/staff/complaints/" + id + "/return").with(csrf()).cookie(civil).param("return-reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"return-reason-error\"")))
			.andExpect(content().string(containsString("<details class=\"govuk-details\" open>")));
		mvc.perform(post("/staff/complaints/" + id + "/return").with(csrf())
			.cookie(civil)
			.param("return-reason", "噪声由公安处理")).andExpect(redirectedUrl("/staff/complaints/" + id + "?done=returned"));
		mvc.perform(get("/staff/complaints/" + id).cookie(civil))
			.andExpect(content().string(containsString("data-testid=\"return-pending\"")))
			.andExpect(content().string(not(containsString("id=\"return-submit\""))))
			.andExpect(content().string(not(containsString("id=\"reply-submit\""))));
		mvc.perform(
				post("/staff/complaints/" + id + "/return").with(csrf()).cookie(civil).param("return-reason", "再退一次"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("退过一次单")));
	}

	@Test
	void theReplyCarriesEvidencePhotosAndARefusalKeepsThemAndTheText() throws Exception {
		String id = staff.file("li.na", NOISE, "楼下烧烤店音响吵", null, null);
		staff.dispatch(id, "PS");
		Cookie ps = staff.session("handler.ps");
		String refused = mvc
			.perform(multipart("/staff/complaints/" + id + "/reply").file(photo("before.png"))
				.with(csrf())
				.cookie(ps)
				.param("reply-text", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reply-text-error\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String kept = Staff.block(refused, "name=\"documentIds\" value=\"", "\">")
			.substring("name=\"documentIds\" value=\"".length());
		UUID.fromString(kept);
		mvc.perform(multipart("/staff/complaints/" + id + "/reply").file(photo("after.png"))
			.with(csrf())
			.cookie(ps)
			.param("documentIds", kept)
			.param("reply-text", "已要求店主十点后关闭音响，并拍照留存"))
			.andExpect(redirectedUrl("/staff/complaints/" + id + "?done=replied"));
		MockHttpServletResponse view = staff.api("li.na", "GET", "/api/v1/complaints/" + id, null);
		assertThat(Staff.<String>read(view, "$.status")).isEqualTo("REPLIED");
		assertThat(Staff.<List<String>>read(view, "$.evidence")).hasSize(2).contains(kept);
		mvc.perform(get("/staff/complaints/" + id).cookie(ps))
			.andExpect(content().string(containsString("附 2 张证明材料")))
			.andExpect(content().string(not(containsString("id=\"reply-submit\""))));
	}

	@Test
	void aCoHandlersAnswerIsShownToTheLeadAboveTheReplyBox() throws Exception {
		String id = staff.file("li.na", NOISE, "养老院旁边工地夜间施工", null, null);
		staff.dispatch(id, "PS", "CA");
		Cookie civil = staff.session("handler.civil");
		mvc.perform(get("/staff/complaints/" + id).cookie(civil))
			.andExpect(content().string(containsString("id=\"answer-submit\"")))
			.andExpect(content().string(not(containsString("id=\"reply-submit\""))))
			.andExpect(content().string(not(containsString("id=\"accept-submit\""))));
		mvc.perform(post("/staff/complaints/" + id + "/answer").with(csrf()).cookie(civil).param("answer-text", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"answer-text-error\"")));
		mvc.perform(post("/staff/complaints/" + id + "/answer").with(csrf())
			.cookie(civil)
			.param("answer-text", "养老院已登记老人睡眠受影响情况"))
			.andExpect(redirectedUrl("/staff/complaints/" + id + "?done=answered"));
		String lead = page("handler.ps", "/staff/complaints/" + id);
		int answer = lead.indexOf("养老院已登记老人睡眠受影响情况");
		assertThat(answer).isPositive().isLessThan(lead.indexOf("id=\"reply-submit\""));
		assertThat(Staff.block(lead, "data-testid=\"co-answers\"", "</ul>")).contains("民政局");
	}

	@Test
	void aLateComplaintIsRedAndSaysByHowMuch() throws Exception {
		String id;
		clock.moveTo(Instant.now().minus(Duration.ofDays(20)));
		try {
			staff.forget();
			id = staff.file("li.na", NOISE, "楼上每晚弹琴到半夜", null, null);
			staff.dispatch(id, "PS");
		}
		finally {
			clock.reset();
			staff.forget();
		}
		String row = Staff.block(page("handler.ps", "/staff/complaints"),
				"data-testid=\"inbox-row\" data-id=\"" + id + "\"", "</dl>");
		assertThat(row).contains("data-late=\"true\"").contains("govuk-tag--red").containsPattern("答复已超时 \\d+ 天");
		mvc.perform(get("/staff/complaints/" + id + "?lang=en").cookie(staff.session("handler.ps")))
			.andExpect(content().string(containsString("Reply overdue by")));
	}

	@Test
	void aReopenedComplaintCarriesTheSupervisorFlag() throws Exception {
		String id = staff.file("li.na", NOISE, "楼道里有人大声喧哗", null, null);
		staff.dispatch(id, "PS");
		assertThat(staff.api("handler.ps", "POST", "/api/v1/complaints/" + id + "/reply", "{\"text\":\"已提醒\"}")
			.getStatus()).isEqualTo(200);
		assertThat(
				staff.api("li.na", "POST", "/api/v1/complaints/" + id + "/verdict", "{\"solved\":false,\"rating\":2}")
					.getStatus())
			.isEqualTo(200);
		String row = Staff.block(page("handler.ps", "/staff/complaints"),
				"data-testid=\"inbox-row\" data-id=\"" + id + "\"", "</dl>");
		assertThat(row).contains("群众评价未解决，主管督办");
	}

	@Test
	void anAgentRecordsAFollowUpCallAndARefusalKeepsWhatWasChosen() throws Exception {
		String id;
		clock.moveTo(Instant.now().minus(Duration.ofDays(3)));
		try {
			staff.forget();
			id = staff.file("li.na", NOISE, "夜里楼下有人飙车", null, null);
			staff.dispatch(id, "PS");
			assertThat(staff.api("handler.ps", "POST", "/api/v1/complaints/" + id + "/reply", "{\"text\":\"已巡逻\"}")
				.getStatus()).isEqualTo(200);
		}
		finally {
			clock.reset();
			staff.forget();
		}
		// The verdict clock's warning opens the follow-up call; its timer is two days
		// past.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (!staff.api("agent.hotline", "GET", "/api/v1/complaints/follow-ups", null)
			.getContentAsString()
			.contains(id)) {
			assertThat(Instant.now()).as("the follow-up call opened").isBefore(deadline);
			Thread.sleep(500);
		}
		Cookie agent = staff.session("agent.hotline");
		mvc.perform(get("/staff/complaints/follow-ups").cookie(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"follow-up-form-" + id + "\"")));
		mvc.perform(post("/staff/complaints/" + id + "/follow-up").with(csrf())
			.cookie(agent)
			.param("reached", "true")
			.param("rating", "4")
			.param("comment", "还算满意"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#solved-" + id + "\"")))
			.andExpect(content().string(containsString("id=\"solved-" + id + "-error\"")))
			.andExpect(content().string(containsString(
					"id=\"reached-yes-" + id + "\" name=\"reached\" type=\"radio\" value=\"true\" checked")))
			.andExpect(content().string(containsString(">还算满意</textarea>")));
		mvc.perform(post("/staff/complaints/" + id + "/follow-up").with(csrf())
			.cookie(agent)
			.param("reached", "true")
			.param("solved", "true")
			.param("rating", "4")).andExpect(redirectedUrl("/staff/complaints/follow-ups?done=follow-up"));
		MockHttpServletResponse view = staff.api("li.na", "GET", "/api/v1/complaints/" + id, null);
		assertThat(Staff.<String>read(view, "$.closure")).isEqualTo("SOLVED");
		mvc.perform(get("/staff/complaints/follow-ups").cookie(staff.session("handler.ps")))
			.andExpect(status().isForbidden());
	}

	@Test
	void citizensAndStrangersStayOutOfTheDepartmentPages() throws Exception {
		mvc.perform(get("/staff/complaints")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/staff/complaints").cookie(staff.session("wang.fang"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/complaints").cookie(staff.session("dispatcher"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/complaints/" + UUID.randomUUID()).cookie(staff.session("handler.ps")))
			.andExpect(status().isNotFound());
	}

	private String page(String username, String path) throws Exception {
		return mvc.perform(get(path).cookie(staff.session(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockMultipartFile photo(String name) {
		byte[] png = ("\u0089PNG\r\n\u001a\n" + UUID.randomUUID())
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		return new MockMultipartFile("photos", name, "image/png", png);
	}

}
