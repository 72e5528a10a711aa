package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A complaint's whole way through the API: filed, dispatched to one lead department,
 * contacted, replied, judged "not solved", reopened, replied again, solved and rated; and
 * the rules that keep ownership clear on the way.
 */
@IntegrationTest
class ComplaintFlowIntegrationTests {

	@Autowired
	MockMvc mvc;

	ComplaintApi api;

	@BeforeEach
	void setUp() {
		api = new ComplaintApi(mvc);
	}

	@Test
	void notSolvedReopensToTheSameDepartmentAndSolvedCloses() throws Exception {
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "楼上每晚十二点以后还在跳绳，咚咚响");
		MockHttpServletResponse queue = api.get("dispatcher", "/api/v1/dispatch/queue");
		assertThat(queue.getStatus()).isEqualTo(200);
		assertThat(ComplaintApi.<List<String>>read(queue, "$[*].complaint.id")).contains(id);
		MockHttpServletResponse dispatched = api.post("dispatcher", "/api/v1/complaints/" + id + "/dispatch",
				"{\"leadDepartment\":\"PS\",\"coHandlers\":[]}");
		assertThat(dispatched.getStatus()).as(dispatched.getContentAsString()).isEqualTo(200);
		assertThat(ComplaintApi.<String>read(dispatched, "$.leadDepartment")).isEqualTo("PS");

		MockHttpServletResponse inbox = api.get("handler.ps", "/api/v1/complaints/inbox");
		assertThat(inbox.getStatus()).as(inbox.getContentAsString()).isEqualTo(200);
		assertThat(ComplaintApi.<List<String>>read(inbox, "$[*].complaint.id")).contains(id);
		assertThat(ComplaintApi.<List<String>>read(api.get("handler.civil", "/api/v1/complaints/inbox"),
				"$[*].complaint.id"))
			.doesNotContain(id);
		assertThat(api.post("handler.civil", "/api/v1/complaints/" + id + "/contact", "{}").getStatus())
			.as("another department's handler")
			.isEqualTo(404);
		assertThat(api.post("handler.ps", "/api/v1/complaints/" + id + "/contact", "{\"note\":\"电话联系\"}").getStatus())
			.isEqualTo(200);
		MockHttpServletResponse replied = api.post("handler.ps", "/api/v1/complaints/" + id + "/reply",
				"{\"text\":\"已上门提醒住户\"}");
		assertThat(replied.getStatus()).as(replied.getContentAsString()).isEqualTo(200);

		assertThat(api.post("wang.fang", "/api/v1/complaints/" + id + "/verdict", "{\"solved\":true,\"rating\":5}")
			.getStatus()).as("another citizen").isEqualTo(404);
		MockHttpServletResponse notSolved = api.post("li.na", "/api/v1/complaints/" + id + "/verdict",
				"{\"solved\":false,\"rating\":2}");
		assertThat(notSolved.getStatus()).as(notSolved.getContentAsString()).isEqualTo(200);
		assertThat(ComplaintApi.<String>read(notSolved, "$.status")).isEqualTo("IN_PROGRESS");
		assertThat(ComplaintApi.<String>read(notSolved, "$.leadDepartment")).isEqualTo("PS");
		assertThat(api.post("li.na", "/api/v1/complaints/" + id + "/verdict", "{\"solved\":true,\"rating\":5}")
			.getStatus()).as("no verdict before the next reply").isEqualTo(409);

		MockHttpServletResponse staffView = api.get("handler.ps", "/api/v1/complaints/" + id);
		assertThat(ComplaintApi.<Integer>read(staffView, "$.staff.reopenCount")).isEqualTo(1);
		assertThat(api.post("handler.ps", "/api/v1/complaints/" + id + "/reply", "{\"text\":\"已协调物业处理\"}").getStatus())
			.isEqualTo(200);
		MockHttpServletResponse solved = api.post("li.na", "/api/v1/complaints/" + id + "/verdict",
				"{\"solved\":true,\"rating\":5,\"comment\":\"谢谢\"}");
		assertThat(solved.getStatus()).as(solved.getContentAsString()).isEqualTo(200);
		assertThat(ComplaintApi.<String>read(solved, "$.status")).isEqualTo("CLOSED");
		assertThat(ComplaintApi.<String>read(solved, "$.closure")).isEqualTo("SOLVED");
		List<Object> actors = ComplaintApi.read(api.get("li.na", "/api/v1/complaints/" + id), "$.timeline[*].actor");
		assertThat(actors).allSatisfy(actor -> assertThat(actor).isNull());
	}

	@Test
	void aSecondReturnBySameDepartmentIsRefused() throws Exception {
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "广场舞音响太大");
		assertThat(api.post("dispatcher", "/api/v1/complaints/" + id + "/dispatch", "{\"leadDepartment\":\"CA\"}")
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse returned = api.post("handler.civil", "/api/v1/complaints/" + id + "/return",
				"{\"reason\":\"不属于民政职责\"}");
		assertThat(returned.getStatus()).as(returned.getContentAsString()).isEqualTo(201);
		String returnId = ComplaintApi.read(returned, "$.id");
		assertThat(api
			.post("dispatcher", "/api/v1/complaints/" + id + "/returns/" + returnId + "/decision",
					"{\"accept\":false,\"reason\":\"社区广场属民政管理\"}")
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse again = api.post("handler.civil", "/api/v1/complaints/" + id + "/return",
				"{\"reason\":\"还是不属于\"}");
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(again.getContentAsString()).contains("退过一次单");
	}

	@Test
	void twoDispatchersAtOnceDispatchOnce() throws Exception {
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "楼下麻将声");
		api.token("dispatcher");
		api.token("head.dispatch");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (String[] who : new String[][] { { "dispatcher", "PS" }, { "head.dispatch", "CA" } }) {
				Callable<Integer> call = () -> api
					.post(who[0], "/api/v1/complaints/" + id + "/dispatch", "{\"leadDepartment\":\"" + who[1] + "\"}")
					.getStatus();
				results.add(pool.submit(call));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : results) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		MockHttpServletResponse view = api.get("dispatcher", "/api/v1/complaints/" + id);
		assertThat(ComplaintApi.<List<Object>>read(view, "$.staff.assignments[?(@.kind == 'LEAD')]")).hasSize(1);
	}

}
