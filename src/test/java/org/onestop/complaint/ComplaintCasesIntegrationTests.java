package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who holds a complaint and how many reports make one case: duplicates by place and time,
 * a merged case handled once with every reporter's own verdict, re-dispatch escalation to
 * the dispatch centre's head, anonymous reporters and their tracking code, categories
 * that dispatch themselves, and refusals of bad input.
 */
@IntegrationTest
class ComplaintCasesIntegrationTests {

	// A building site in Haidian; the category's duplicate radius is 300 m.
	private static final double LAT = 39.9050;

	private static final double LON = 116.2950;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	ComplaintApi api;

	@BeforeEach
	void setUp() throws Exception {
		api = new ComplaintApi(mvc);
		// Signed in now: a token issued while the clock stands in the past would have
		// expired by the time the clock comes back.
		for (String username : new String[] { "li.na", "wang.fang", "zhao.lei", "dispatcher", "head.dispatch",
				"handler.civil", "handler.ps", "handler.um", "agent.hotline" }) {
			api.token(username);
		}
	}

	@AfterEach
	void reset() {
		clock.reset();
	}

	private String fileAt(String username, String category, double lat, double lon, String text) throws Exception {
		MockHttpServletResponse response = api.post(username, "/api/v1/complaints",
				"{\"categoryCode\":\"%s\",\"description\":\"%s\",\"latitude\":%s,\"longitude\":%s}".formatted(category,
						text, lat, lon));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return ComplaintApi.read(response, "$.id");
	}

	private List<String> nearby(String category, double lat, double lon) throws Exception {
		return ComplaintApi.read(api.get(null,
				"/api/v1/complaints/nearby?categoryCode=%s&latitude=%s&longitude=%s".formatted(category, lat, lon)),
				"$[*].id");
	}

	@Test
	void duplicatesAreOpenComplaintsOfTheSameCategoryWithinTheRadiusAndSevenDays() throws Exception {
		// 0.01 degrees of latitude is about 1.1 km: these sites are apart.
		double lat = LAT + 0.02;
		clock.moveTo(Instant.now().minus(Duration.ofDays(8)));
		String old = fileAt("wang.fang", "ENV-NOISE-CONSTRUCTION", lat, LON, "工地夜间施工");
		clock.reset();
		String open = fileAt("wang.fang", "ENV-NOISE-CONSTRUCTION", lat, LON, "工地夜里打桩");
		String otherKind = fileAt("wang.fang", "ENV-NOISE-BUSINESS", lat, LON, "商铺喇叭");
		// About 110 m north: within 300 m.
		assertThat(nearby("ENV-NOISE-CONSTRUCTION", lat + 0.001, LON)).contains(open).doesNotContain(old, otherKind);
		// About 550 m north: too far.
		assertThat(nearby("ENV-NOISE-CONSTRUCTION", lat + 0.005, LON)).doesNotContain(open);
		// The public list shows the place, never what the reporter wrote.
		String body = api
			.get(null,
					"/api/v1/complaints/nearby?categoryCode=ENV-NOISE-CONSTRUCTION&latitude=%s&longitude=%s"
						.formatted(lat, LON))
			.getContentAsString();
		assertThat(body).doesNotContain("打桩").doesNotContain("wang.fang");
		// The dispatcher sees it as a duplicate of a new complaint nearby.
		String newer = fileAt("li.na", "ENV-NOISE-CONSTRUCTION", lat + 0.0005, LON, "还在施工");
		MockHttpServletResponse queue = api.get("dispatcher", "/api/v1/dispatch/queue");
		List<String> duplicates = ComplaintApi.read(queue, "$[?(@.complaint.id == '" + newer + "')].duplicates[*].id");
		assertThat(duplicates).contains(open).doesNotContain(old);
	}

	@Test
	void aMergedCaseIsHandledOnceAndEveryReporterJudgesIt() throws Exception {
		double lat = LAT - 0.03;
		String first = fileAt("li.na", "ENV-NOISE-CONSTRUCTION", lat, LON, "深夜混凝土搅拌车");
		MockHttpServletResponse joined = api.post("wang.fang", "/api/v1/complaints",
				"{\"categoryCode\":\"ENV-NOISE-CONSTRUCTION\",\"description\":\"同一个工地\",\"latitude\":%s,\"longitude\":%s,\"duplicateOf\":\"%s\"}"
					.formatted(lat, LON, first));
		assertThat(joined.getStatus()).isEqualTo(201);
		String second = ComplaintApi.read(joined, "$.id");
		String third = fileAt("zhao.lei", "ENV-NOISE-CONSTRUCTION", lat, LON + 0.0005, "工地噪声");
		assertThat(api.post("dispatcher", "/api/v1/complaints/" + third + "/merge", "{\"into\":\"" + first + "\"}")
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse queue = api.get("dispatcher", "/api/v1/dispatch/queue");
		assertThat(ComplaintApi.<List<String>>read(queue, "$[*].complaint.id")).contains(first)
			.doesNotContain(second, third);
		assertThat(api.post("dispatcher", "/api/v1/complaints/" + first + "/dispatch", "{\"leadDepartment\":\"UM\"}")
			.getStatus()).isEqualTo(200);
		assertThat(
				api.post("handler.um", "/api/v1/complaints/" + first + "/reply", "{\"text\":\"已责令夜间停工\"}").getStatus())
			.isEqualTo(200);
		// Every reporter sees the case's status and reply on their own complaint.
		for (String[] reporter : new String[][] { { "wang.fang", second }, { "zhao.lei", third } }) {
			MockHttpServletResponse view = api.get(reporter[0], "/api/v1/complaints/" + reporter[1]);
			assertThat(ComplaintApi.<String>read(view, "$.status")).isEqualTo("REPLIED");
			assertThat(ComplaintApi.<String>read(view, "$.reply")).isEqualTo("已责令夜间停工");
			assertThat(ComplaintApi.<Boolean>read(view, "$.verdictOpen")).isTrue();
		}
		assertThat(api.get("li.na", "/api/v1/complaints/" + second).getStatus()).as("not li.na's").isEqualTo(404);
		// The second reporter is content; the third is not, and the case goes back to the
		// department.
		assertThat(api.post("wang.fang", "/api/v1/complaints/" + second + "/verdict", "{\"solved\":true,\"rating\":5}")
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse unhappy = api.post("zhao.lei", "/api/v1/complaints/" + third + "/verdict",
				"{\"solved\":false,\"rating\":1}");
		assertThat(unhappy.getStatus()).as(unhappy.getContentAsString()).isEqualTo(200);
		MockHttpServletResponse caseView = api.get("handler.um", "/api/v1/complaints/" + first);
		assertThat(ComplaintApi.<String>read(caseView, "$.status")).isEqualTo("IN_PROGRESS");
		assertThat(ComplaintApi.<Boolean>read(caseView, "$.supervisorFlag")).isTrue();
		List<java.util.Map<String, Object>> leads = ComplaintApi.read(caseView,
				"$.staff.assignments[?(@.kind == 'LEAD')]");
		assertThat(leads.stream().filter(a -> a.get("endedAt") == null)).as("one lead at a time").hasSize(1);
	}

	@Test
	void onlyAComplaintOfferedForTheReportersPlaceCanBeJoined() throws Exception {
		double lat = LAT + 0.05;
		String target = fileAt("li.na", "ENV-NOISE-CONSTRUCTION", lat, LON, "工地半夜卸钢筋");
		String join = "{\"categoryCode\":\"ENV-NOISE-CONSTRUCTION\",\"description\":\"我也听到\",\"duplicateOf\":\"%s\"%s}";
		// Without a place, or from 2 km away, a stranger cannot attach themselves to it.
		MockHttpServletResponse nowhere = api.post(null, "/api/v1/complaints", join.formatted(target, ""));
		assertThat(nowhere.getStatus()).isEqualTo(400);
		assertThat(ComplaintApi.<List<String>>read(nowhere, "$.errors[*].field")).containsExactly("duplicateOf");
		assertThat(api
			.post(null, "/api/v1/complaints",
					join.formatted(target, ",\"latitude\":%s,\"longitude\":%s".formatted(lat + 0.02, LON)))
			.getStatus()).isEqualTo(400);
		assertThat(api
			.post(null, "/api/v1/complaints",
					join.formatted(target, ",\"latitude\":%s,\"longitude\":%s".formatted(lat + 0.001, LON)))
			.getStatus()).isEqualTo(201);
		MockHttpServletResponse nullPhoto = api.post("li.na", "/api/v1/complaints",
				"{\"categoryCode\":\"ENV-NOISE-NEIGHBOUR\",\"description\":\"x\",\"documentIds\":[null]}");
		assertThat(nullPhoto.getStatus()).isEqualTo(400);
		assertThat(ComplaintApi.<List<String>>read(nullPhoto, "$.errors[*].field")).containsExactly("documentIds");
	}

	@Test
	void anAgentRecordsAVerdictOnlyOnAFollowUpCallThatIsDue() throws Exception {
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "邻居空调外机噪声");
		assertThat(api.post("dispatcher", "/api/v1/complaints/" + id + "/dispatch", "{\"leadDepartment\":\"CA\"}")
			.getStatus()).isEqualTo(200);
		assertThat(api.post("handler.civil", "/api/v1/complaints/" + id + "/reply", "{\"text\":\"已协调\"}").getStatus())
			.isEqualTo(200);
		// Just replied: the citizen has the first say; no call is due yet.
		assertThat(api
			.post("agent.hotline", "/api/v1/complaints/" + id + "/follow-up",
					"{\"reached\":true,\"solved\":true,\"rating\":5}")
			.getStatus()).isEqualTo(409);
		assertThat(api.post("li.na", "/api/v1/complaints/" + id + "/verdict", "{\"solved\":true,\"rating\":4}")
			.getStatus()).isEqualTo(200);
	}

	@Test
	void moreThanTwoRedispatchesGoToTheHeadOfTheDispatchCentre() throws Exception {
		String id = api.file("li.na", "ENV-NOISE-NEIGHBOUR", "邻居装修噪声");
		for (String[] department : new String[][] { { "CA", "handler.civil" }, { "PS", "handler.ps" },
				{ "UM", "handler.um" } }) {
			MockHttpServletResponse dispatched = api.post("dispatcher", "/api/v1/complaints/" + id + "/dispatch",
					"{\"leadDepartment\":\"" + department[0] + "\"}");
			assertThat(dispatched.getStatus()).as(dispatched.getContentAsString()).isEqualTo(200);
			MockHttpServletResponse returned = api.post(department[1], "/api/v1/complaints/" + id + "/return",
					"{\"reason\":\"非本部门职责\"}");
			assertThat(returned.getStatus()).as(returned.getContentAsString()).isEqualTo(201);
			assertThat(
					api.post("dispatcher",
							"/api/v1/complaints/" + id + "/returns/" + ComplaintApi.read(returned, "$.id")
									+ "/decision",
							"{\"accept\":true,\"reason\":\"同意重新派单\"}")
						.getStatus())
				.isEqualTo(200);
		}
		MockHttpServletResponse refused = api.post("dispatcher", "/api/v1/complaints/" + id + "/dispatch",
				"{\"leadDepartment\":\"HU\"}");
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(api.post("head.dispatch", "/api/v1/complaints/" + id + "/dispatch", "{\"leadDepartment\":\"HU\"}")
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse view = api.get("head.dispatch", "/api/v1/complaints/" + id);
		assertThat(ComplaintApi.<Boolean>read(view, "$.staff.escalated")).isTrue();
		assertThat(ComplaintApi.<List<String>>read(view, "$.timeline[*].kind")).containsOnlyOnce("ESCALATED_TO_HEAD");
	}

	@Test
	void anAnonymousReporterFollowsTheComplaintWithItsTrackingCodeOnly() throws Exception {
		MockHttpServletResponse filed = api.post(null, "/api/v1/complaints",
				"{\"categoryCode\":\"ENV-NOISE-NEIGHBOUR\",\"description\":\"不愿留名：楼道堆放杂物\"}");
		assertThat(filed.getStatus()).isEqualTo(201);
		String id = ComplaintApi.read(filed, "$.id");
		String code = ComplaintApi.read(filed, "$.trackingCode");
		assertThat(code).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
		assertThat(api.get(null, "/api/v1/complaints/" + id).getStatus()).isEqualTo(404);
		assertThat(api.get(null, "/api/v1/complaints/" + id + "?trackingCode=22222-22222").getStatus()).isEqualTo(404);
		assertThat(api.get("li.na", "/api/v1/complaints/" + id).getStatus()).isEqualTo(404);
		MockHttpServletResponse view = api.get(null,
				"/api/v1/complaints/" + id + "?trackingCode=" + code.toLowerCase());
		assertThat(view.getStatus()).isEqualTo(200);
		assertThat(ComplaintApi.<String>read(view, "$.statusName")).isEqualTo("待派单");
		assertThat(api
			.post(null, "/api/v1/complaints/" + id + "/verdict?trackingCode=" + code, "{\"solved\":true,\"rating\":5}")
			.getStatus()).as("nothing to judge before a reply").isEqualTo(409);
	}

	@Test
	void aCertainCategoryDispatchesItself() throws Exception {
		String id = api.file("li.na", "CITY-STREETLIGHT", "路灯坏了，晚上很黑");
		MockHttpServletResponse view = api.get("li.na", "/api/v1/complaints/" + id);
		assertThat(ComplaintApi.<String>read(view, "$.status")).isEqualTo("DISPATCHED");
		assertThat(ComplaintApi.<String>read(view, "$.leadDepartment")).isNotNull();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsFiled() throws Exception {
		MockHttpServletResponse refused = api.post("li.na", "/api/v1/complaints",
				"{\"categoryCode\":\"NO-SUCH\",\"description\":\"%s\",\"latitude\":31.23,\"longitude\":121.47,\"contactPhone\":\"call me\"}"
					.formatted("长".repeat(4001)));
		assertThat(refused.getStatus()).isEqualTo(400);
		List<String> fields = ComplaintApi.read(refused, "$.errors[*].field");
		assertThat(fields).contains("categoryCode", "description", "latitude", "contactPhone");
		assertThat(refused.getContentAsString()).doesNotContain("complaint.");
		MockHttpServletResponse another = api.post("li.na", "/api/v1/complaints",
				"{\"categoryCode\":\"ENV-NOISE-NEIGHBOUR\",\"description\":\"x\",\"latitude\":39.9}");
		assertThat(another.getStatus()).isEqualTo(400);
	}

}
