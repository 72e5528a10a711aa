package org.onestop.application;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may open which application page, and how a refused decision is explained, without
 * JavaScript.
 */
@IntegrationTest
class ApplicationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	private Cookie session(String username) throws Exception {
		Cookie cookie = mvc
			.perform(post("/sign-in").with(csrf()).param("username", username).param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		assertThat(cookie).as("session of " + username).isNotNull();
		return cookie;
	}

	private String submittedBy(String username) throws Exception {
		String body = mvc
			.perform(post("/api/v1/applications").header("Authorization", Citizens.token(mvc, username))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{},\"explanation\":\"页面测试\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Citizens.id(body);
	}

	@Test
	void theFormIsForCitizensAndShowsWhereEachValueCameFrom() throws Exception {
		mvc.perform(get("/services/CA-ELD-001/apply")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/services/CA-ELD-001"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/services/CA-ELD-001/apply")));
		mvc.perform(get("/services/CA-ELD-001/apply").cookie(session("wang.fang")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("内容有误")))
			.andExpect(content().string(containsString("户籍地址")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("population.address"))))
			.andExpect(content().string(containsString("name=\"idempotencyKey\"")))
			.andExpect(content().string(containsString("hx-post=\"/applications/drafts/")));
		mvc.perform(get("/services/CA-ELD-001/apply").cookie(session("reviewer.civil")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anotherCitizensApplicationIsNotFound() throws Exception {
		String id = submittedBy("wang.fang");
		mvc.perform(get("/applications/" + id).cookie(session("wang.fang")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-status=\"")));
		mvc.perform(get("/applications").cookie(session("wang.fang")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/applications/" + id)));
		Cookie other = session("li.na");
		mvc.perform(get("/applications/" + id).cookie(other)).andExpect(status().isNotFound());
		mvc.perform(get("/applications/" + id + "/withdraw").cookie(other)).andExpect(status().isNotFound());
		mvc.perform(post("/applications/" + id + "/withdraw").with(csrf()).cookie(other))
			.andExpect(status().isNotFound());
	}

	@Test
	void citizensCannotOpenTheStaffPages() throws Exception {
		Cookie citizen = session("zhao.lei");
		mvc.perform(get("/staff/tasks").cookie(citizen)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/discretion-log").cookie(citizen)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/discretion-log").cookie(session("reviewer.civil"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/discretion-log").cookie(session("auditor"))).andExpect(status().isOk());
		mvc.perform(get("/staff/corrections").cookie(session("clerk.civil"))).andExpect(status().isOk());
	}

	@Test
	void aRejectionWithoutItsLegalBasisIsRefusedBesideTheField() throws Exception {
		String id = submittedBy("wang.fang");
		String tasks = mvc
			.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", Citizens.token(mvc, "reviewer.civil")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(tasks, "$.tasks[?(@.applicationId == '" + id + "')].id");
		// The inbox shows 50 tasks a page, oldest first.
		int onPage = JsonPath.<List<String>>read(tasks, "$.tasks[*].id").indexOf(ids.get(0)) / 50;
		Cookie reviewer = session("reviewer.civil");
		mvc.perform(get("/staff/tasks").param("page", String.valueOf(onPage)).cookie(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/staff/tasks/" + ids.get(0))));
		mvc.perform(get("/staff/tasks/" + ids.get(0)).cookie(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-outcome=\"REJECT\"")));
		mvc.perform(post("/staff/tasks/" + ids.get(0) + "/complete").with(csrf())
			.cookie(reviewer)
			.param("outcome", "REJECT")
			.param("reason", "不符合条件")
			.param("remedy", "补充证明后再申请"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"REJECT-legalBasis-error\"")))
			.andExpect(content().string(containsString("不予许可必须写明法律依据")))
			.andExpect(content().string(containsString("href=\"#REJECT-legalBasis\"")))
			.andExpect(content().string(containsString("value=\"不符合条件\"")));
		mvc.perform(get("/staff/tasks/" + ids.get(0)).cookie(session("li.na"))).andExpect(status().isForbidden());
	}

}
