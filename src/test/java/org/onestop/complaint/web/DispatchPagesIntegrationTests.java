package org.onestop.complaint.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dispatch console without JavaScript: the queue with the suggestion by name and its
 * confidence in words, dispatching with co-handlers, merging, arbitrating a return and
 * the head's decision, every refusal beside its field with what was chosen kept.
 */
@IntegrationTest
class DispatchPagesIntegrationTests {

	static final String NOISE = "ENV-NOISE-NEIGHBOUR";

	@Autowired
	MockMvc mvc;

	Staff staff;

	@BeforeEach
	void setUp() {
		staff = new Staff(mvc);
	}

	@Test
	void theQueueNamesTheSuggestionAndItsConfidenceInWordsAndPercent() throws Exception {
		String id = staff.file("li.na", NOISE, "楼上每晚跳绳，咚咚响，已经一个月了，物业也管不了，希望派出所上门提醒一下。"
				+ "这段描述故意写得很长很长，长到列表里只显示开头的八十个字，后面的内容要到详情页才能看到，" + "所以这里再多写几句，好让它超过八十个字，详情页才显示全文的最后这句话。", null, null);
		String page = mvc.perform(get("/staff/dispatch").cookie(staff.session("dispatcher")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String row = Staff.block(page, "data-testid=\"queue-row\" data-id=\"" + id + "\"", "</dl>");
		assertThat(row).contains("邻里和广场舞噪声").contains("公安局").contains("已等待");
		assertThat(row).containsPattern("(按分类规则确定|几乎肯定|很可能|可能|不太确定) \\d{1,3} %");
		assertThat(row).as("the list shows the description's beginning only").doesNotContain("最后这句话").contains("…");
		assertThat(row).doesNotContain(">PS<");
		mvc.perform(get("/staff/dispatch/" + id).cookie(staff.session("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("最后这句话")))
			.andExpect(content().string(containsString("<option value=\"PS\" selected>公安局</option>")))
			.andExpect(content().string(not(containsString("value=\"DC\""))));
	}

	@Test
	void theLiveFragmentIsThePartThatRefreshesAndTheManualLinkStays() throws Exception {
		String id = staff.file("li.na", NOISE, "广场舞音响太吵", null, null);
		Cookie dispatcher = staff.session("dispatcher");
		mvc.perform(get("/staff/dispatch").cookie(dispatcher))
			.andExpect(content().string(containsString("hx-get=\"/staff/dispatch/live\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 15s\"")))
			.andExpect(content().string(containsString("href=\"/staff/dispatch\" id=\"refresh\"")));
		mvc.perform(get("/staff/dispatch/live").cookie(dispatcher))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(matchesPattern("(?s)\\s*<div id=\"dispatch-live\".*")))
			.andExpect(content().string(containsString("data-id=\"" + id + "\"")));
	}

	@Test
	void dispatchingWithACoHandlerGoesBackToTheQueueAndTheLeadHasIt() throws Exception {
		String id = staff.file("li.na", NOISE, "楼下麻将声到凌晨", null, null);
		mvc.perform(post("/staff/dispatch/" + id).with(csrf())
			.cookie(staff.session("dispatcher"))
			.param("leadDepartment", "PS")
			.param("coHandlers", "CA")).andExpect(redirectedUrl("/staff/dispatch?done=dispatched"));
		MockHttpServletResponse view = staff.api("dispatcher", "GET", "/api/v1/complaints/" + id, null);
		assertThat(Staff.<String>read(view, "$.leadDepartment")).isEqualTo("PS");
		assertThat(Staff.<List<String>>read(view, "$.coHandlers[*].department")).containsExactly("CA");
		mvc.perform(get("/staff/dispatch?done=dispatched").cookie(staff.session("dispatcher")))
			.andExpect(content().string(containsString("已派单。")))
			.andExpect(content().string(not(containsString("data-id=\"" + id + "\" data-escalated"))));
	}

	@Test
	void aRefusedDispatchIsShownBesideTheFieldWithTheChoicesKept() throws Exception {
		String id = staff.file("li.na", NOISE, "邻居装修电钻声", null, null);
		Cookie dispatcher = staff.session("dispatcher");
		mvc.perform(post("/staff/dispatch/" + id).with(csrf())
			.cookie(dispatcher)
			.param("leadDepartment", "CA")
			.param("coHandlers", "CA")
			.param("coHandlers", "UM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#coHandlers\"")))
			.andExpect(content().string(containsString("id=\"coHandlers-error\"")))
			.andExpect(content().string(containsString("<option value=\"CA\" selected>民政局</option>")))
			.andExpect(content()
				.string(containsString("id=\"co-UM\" name=\"coHandlers\" type=\"checkbox\" value=\"UM\" checked")));
		mvc.perform(post("/staff/dispatch/" + id).with(csrf()).cookie(dispatcher).param("leadDepartment", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"leadDepartment-error\"")))
			.andExpect(content().string(containsString("请选择一个承办部门")));
		assertThat(Staff.<String>read(staff.api("dispatcher", "GET", "/api/v1/complaints/" + id, null), "$.status"))
			.isEqualTo("NEW");
	}

	@Test
	void aDuplicateNearbyIsListedAndTheComplaintMergesIntoIt() throws Exception {
		String first = staff.file("li.na", NOISE, "小区广场舞每晚十点后还放音乐", 39.9123, 116.4012);
		String second = staff.file("wang.fang", NOISE, "广场舞音乐太吵，晚上十点多还在跳", 39.9125, 116.4013);
		Cookie dispatcher = staff.session("dispatcher");
		String page = mvc.perform(get("/staff/dispatch").cookie(dispatcher))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String row = Staff.block(page, "data-testid=\"queue-row\" data-id=\"" + second + "\"", "</dl>");
		assertThat(row).contains("href=\"/staff/dispatch/" + first + "\"").containsPattern("相距 \\d+ 米");
		mvc.perform(post("/staff/dispatch/" + second + "/merge").with(csrf()).cookie(dispatcher).param("into", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"into-error\"")));
		mvc.perform(post("/staff/dispatch/" + second + "/merge").with(csrf()).cookie(dispatcher).param("into", first))
			.andExpect(redirectedUrl("/staff/dispatch?done=merged"));
		MockHttpServletResponse merged = staff.api("dispatcher", "GET", "/api/v1/complaints/" + second, null);
		assertThat(Staff.<String>read(merged, "$.mergedInto")).isEqualTo(first);
	}

	@Test
	void aReturnIsArbitratedFromTheConsoleAndARefusalKeepsTheReason() throws Exception {
		String id = staff.file("li.na", NOISE, "社区广场音响太大", null, null);
		staff.dispatch(id, "CA");
		MockHttpServletResponse returned = staff.api("handler.civil", "POST", "/api/v1/complaints/" + id + "/return",
				"{\"reason\":\"噪声不归民政管\"}");
		assertThat(returned.getStatus()).isEqualTo(201);
		Cookie dispatcher = staff.session("dispatcher");
		String queue = mvc.perform(get("/staff/dispatch").cookie(dispatcher))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Staff.block(queue, "data-testid=\"return-row\" data-id=\"" + id + "\"", "</tr>")).contains("民政局")
			.contains("噪声不归民政管");
		String returnId = Staff.read(returned, "$.id");
		mvc.perform(get("/staff/dispatch/" + id).cookie(dispatcher))
			.andExpect(content().string(containsString("data-testid=\"pending-return\"")))
			.andExpect(content().string(containsString("/staff/dispatch/" + id + "/returns/" + returnId)));
		mvc.perform(post("/staff/dispatch/" + id + "/returns/" + returnId).with(csrf())
			.cookie(dispatcher)
			.param("reason", "先说清楚"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"decision-accept-error\"")))
			.andExpect(content().string(containsString(">先说清楚</textarea>")));
		mvc.perform(post("/staff/dispatch/" + id + "/returns/" + returnId).with(csrf())
			.cookie(dispatcher)
			.param("accept", "false")
			.param("reason", "社区广场属民政管理")).andExpect(redirectedUrl("/staff/dispatch?done=return-rejected"));
		MockHttpServletResponse view = staff.api("dispatcher", "GET", "/api/v1/complaints/" + id, null);
		assertThat(Staff.<String>read(view, "$.leadDepartment")).isEqualTo("CA");
		assertThat(Staff.<Boolean>read(view, "$.staff.returns[0].accepted")).isFalse();
	}

	@Test
	void theHeadDecidesAComplaintFoundUnsolvedThreeTimes() throws Exception {
		String id = staff.file("li.na", NOISE, "楼上夜里拖椅子", null, null);
		staff.dispatch(id, "PS");
		for (int round = 0; round < 3; round++) {
			assertThat(staff.api("handler.ps", "POST", "/api/v1/complaints/" + id + "/reply", "{\"text\":\"已提醒\"}")
				.getStatus()).isEqualTo(200);
			assertThat(staff
				.api("li.na", "POST", "/api/v1/complaints/" + id + "/verdict", "{\"solved\":false,\"rating\":1}")
				.getStatus()).isEqualTo(200);
		}
		Cookie head = staff.session("head.dispatch");
		String queue = mvc.perform(get("/staff/dispatch").cookie(head)).andReturn().getResponse().getContentAsString();
		assertThat(Staff.block(queue, "data-testid=\"awaiting-head\"", "</ul>")).contains(id);
		mvc.perform(get("/staff/dispatch").cookie(staff.session("dispatcher")))
			.andExpect(content().string(not(containsString("data-testid=\"awaiting-head\""))));
		mvc.perform(get("/staff/dispatch/" + id).cookie(staff.session("dispatcher")))
			.andExpect(content().string(not(containsString("data-testid=\"head-form\""))));
		mvc.perform(post("/staff/dispatch/" + id + "/head-decision").with(csrf()).cookie(head).param("reopen", "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"head-reason-error\"")))
			.andExpect(content()
				.string(containsString("id=\"reopen-no\" name=\"reopen\" type=\"radio\" value=\"false\" checked")));
		mvc.perform(post("/staff/dispatch/" + id + "/head-decision").with(csrf())
			.cookie(head)
			.param("reopen", "false")
			.param("reason", "已三次上门，属家庭纠纷，建议调解")).andExpect(redirectedUrl("/staff/dispatch?done=head-closed"));
		MockHttpServletResponse view = staff.api("dispatcher", "GET", "/api/v1/complaints/" + id, null);
		assertThat(Staff.<String>read(view, "$.closure")).isEqualTo("NOT_SOLVED");
	}

	@Test
	void onlyTheDispatchCentreOpensTheConsole() throws Exception {
		String id = staff.file("li.na", NOISE, "夜里有人唱歌", null, null);
		mvc.perform(get("/staff/dispatch")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/staff/dispatch").cookie(staff.session("zhao.lei"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/dispatch").cookie(staff.session("handler.ps"))).andExpect(status().isForbidden());
		mvc.perform(post("/staff/dispatch/" + id).with(csrf())
			.cookie(staff.session("handler.ps"))
			.param("leadDepartment", "PS")).andExpect(status().isForbidden());
		mvc.perform(get("/staff/dispatch/" + java.util.UUID.randomUUID()).cookie(staff.session("dispatcher")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/dispatch").cookie(staff.session("head.dispatch"))).andExpect(status().isOk());
		assertThat(Staff.<String>read(staff.api("dispatcher", "GET", "/api/v1/complaints/" + id, null), "$.status"))
			.isEqualTo("NEW");
	}

	@Test
	void theStaffHomeLinksEachRoleToItsPage() throws Exception {
		mvc.perform(get("/staff").cookie(staff.session("dispatcher")))
			.andExpect(content().string(containsString("href=\"/staff/dispatch\"")))
			.andExpect(content().string(not(containsString("href=\"/staff/complaints\""))));
		mvc.perform(get("/staff").cookie(staff.session("head.dispatch")))
			.andExpect(content().string(containsString("href=\"/staff/dispatch\"")));
		mvc.perform(get("/staff").cookie(staff.session("handler.ps")))
			.andExpect(content().string(containsString("href=\"/staff/complaints\"")))
			.andExpect(content().string(not(containsString("href=\"/staff/dispatch\""))));
		mvc.perform(get("/staff").cookie(staff.session("agent.hotline")))
			.andExpect(content().string(containsString("href=\"/staff/complaints/follow-ups\"")));
	}

	/** Demo accounts on the pages (session cookies) and on the API (tokens). */
	static final class Staff {

		private final MockMvc mvc;

		private final Map<String, Cookie> sessions = new HashMap<>();

		private final Map<String, String> tokens = new HashMap<>();

		Staff(MockMvc mvc) {
			this.mvc = mvc;
		}

		/**
		 * Signs everyone in again: sessions and tokens carry the time they were made at.
		 */
		void forget() {
			sessions.clear();
			tokens.clear();
		}

		Cookie session(String username) throws Exception {
			Cookie cookie = sessions.get(username);
			if (cookie == null) {
				cookie = mvc
					.perform(post("/sign-in").with(csrf()).param("username", username).param("password", "demo12345"))
					.andReturn()
					.getResponse()
					.getCookie("ONESTOP_SESSION");
				assertThat(cookie).as("session of " + username).isNotNull();
				sessions.put(username, cookie);
			}
			return cookie;
		}

		MockHttpServletResponse api(String username, String method, String path, String json) throws Exception {
			String token = tokens.get(username);
			if (token == null) {
				token = "Bearer " + Tokens.of(mvc, username);
				tokens.put(username, token);
			}
			var request = "GET".equals(method) ? get(path)
					: post(path).contentType(MediaType.APPLICATION_JSON).content(json == null ? "{}" : json);
			return mvc.perform(request.header("Authorization", token)).andReturn().getResponse();
		}

		String file(String citizen, String category, String description, Double latitude, Double longitude)
				throws Exception {
			String place = latitude == null ? "" : ",\"latitude\":" + latitude + ",\"longitude\":" + longitude;
			MockHttpServletResponse response = api(citizen, "POST", "/api/v1/complaints",
					"{\"categoryCode\":\"" + category + "\",\"description\":\"" + description + "\"" + place + "}");
			assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
			return read(response, "$.id");
		}

		void dispatch(String id, String lead, String... coHandlers) throws Exception {
			String co = String.join("\",\"", coHandlers);
			MockHttpServletResponse response = api("dispatcher", "POST", "/api/v1/complaints/" + id + "/dispatch",
					"{\"leadDepartment\":\"" + lead + "\",\"coHandlers\":[" + (co.isEmpty() ? "" : "\"" + co + "\"")
							+ "]}");
			assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		}

		static <T> T read(MockHttpServletResponse response, String path) throws Exception {
			return JsonPath.read(response.getContentAsString(), path);
		}

		/**
		 * The part of a page from the element that holds {@code start} to {@code end}.
		 */
		static String block(String page, String start, String end) {
			int from = page.indexOf(start);
			assertThat(from).as("the page holds " + start).isGreaterThanOrEqualTo(0);
			int to = page.indexOf(end, from);
			return page.substring(from, to < 0 ? page.length() : to);
		}

	}

}
