package org.onestop.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.assistant.AssistantFixture.Caller;
import org.onestop.assistant.AssistantFixture.Started;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Complaints from the assistant (issue 13): the citizen files one from their own
 * conversation (channel ASSISTANT, the conversation attached), nobody else can; an agent
 * files one from a chat (CHAT) or during a call (PHONE); and the outcome COMPLAINT_FILED
 * is taken only with a complaint filed in that very conversation, call or call back.
 */
@IntegrationTest
class AssistantComplaintsIntegrationTests {

	static final String CATEGORY = "ENV-NOISE-NEIGHBOUR";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	AssistantFixture assistant;

	@BeforeEach
	void setUp() throws Exception {
		assistant = new AssistantFixture(mvc, db);
		assistant.clean();
		assistant.onDuty("agent.hotline", true);
	}

	@Test
	void aComplaintInTheConversationOffersFilingItAndTheCitizenFilesItFromTheirOwnConversation() throws Exception {
		Caller li = assistant.citizen("li.na");
		Started c = assistant.start(li);
		String reply = assistant.say(li, c.id(), "我要投诉，楼上每晚十二点以后还在跳绳");
		List<String> hrefs = JsonPath.read(reply, "$.actions[?(@.type == 'COMPLAINT')].href");
		assertThat(hrefs).containsExactly("/assistant/" + c.id() + "/complaint");

		MockHttpServletResponse filed = fileAsCitizen(li, c.id(), "{\"categoryCode\":\"" + CATEGORY + "\"}");
		assertThat(filed.getStatus()).isEqualTo(201);
		String id = JsonPath.read(filed.getContentAsString(), "$.id");
		String code = JsonPath.read(filed.getContentAsString(), "$.trackingCode");
		assertThat((String) JsonPath.read(filed.getContentAsString(), "$.status")).isNotBlank();

		Map<String, Object> row = complaint(id);
		assertThat(row.get("channel")).isEqualTo("ASSISTANT");
		assertThat(row.get("conversation_id")).hasToString(c.id());
		assertThat(row.get("reporter")).isEqualTo("li.na");
		assertThat(row.get("filed_by")).isNull();
		// The description is what the citizen wrote, the transcript attached by its id.
		assertThat((String) row.get("description")).isEqualTo("我要投诉，楼上每晚十二点以后还在跳绳");
		mvc.perform(li.on(get("/api/v1/complaints/mine")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").isNotEmpty());
		// The conversation keeps the tracking code.
		assertThat(assistant.transcript(li, c.id())).contains(code);
	}

	@Test
	void anotherCitizenNeitherFilesFromNorSeesSomeoneElsesConversation() throws Exception {
		Caller li = assistant.citizen("li.na");
		Started c = assistant.start(li);
		assistant.say(li, c.id(), "我要投诉，楼下麻将声太吵");
		Caller wang = assistant.citizen("wang.fang");
		assertThat(fileAsCitizen(wang, c.id(), "{\"categoryCode\":\"" + CATEGORY + "\"}").getStatus()).isEqualTo(404);
		assertThat(
				fileAsCitizen(AssistantFixture.NOBODY, c.id(), "{\"categoryCode\":\"" + CATEGORY + "\"}").getStatus())
			.isEqualTo(404);
		mvc.perform(get("/assistant/" + c.id() + "/complaint").with(citizen("wang.fang")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/assistant/" + c.id() + "/complaint").param("categoryCode", CATEGORY)
			.param("description", "x")
			.with(csrf())
			.with(citizen("wang.fang"))).andExpect(status().isNotFound());
		assertThat(filedIn(c.id())).isZero();

		// Filed by its owner, the complaint is hers alone.
		String id = JsonPath
			.read(fileAsCitizen(li, c.id(), "{\"categoryCode\":\"" + CATEGORY + "\"}").getContentAsString(), "$.id");
		mvc.perform(wang.on(get("/api/v1/complaints/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void anAnonymousConversationFilesAnAnonymousComplaintThatOnlyItsTokenReaches() throws Exception {
		Started c = assistant.start(AssistantFixture.NOBODY);
		assistant.say(c.owner(), c.id(), "公园里的路灯坏了一个月没人管");
		Started other = assistant.start(AssistantFixture.NOBODY);
		assertThat(fileAsCitizen(other.owner(), c.id(), "{\"categoryCode\":\"" + CATEGORY + "\"}").getStatus())
			.isEqualTo(404);
		MockHttpServletResponse filed = fileAsCitizen(c.owner(), c.id(),
				"{\"categoryCode\":\"" + CATEGORY + "\",\"description\":\"路灯坏了\"}");
		assertThat(filed.getStatus()).isEqualTo(201);
		Map<String, Object> row = complaint(JsonPath.read(filed.getContentAsString(), "$.id"));
		assertThat(row.get("reporter")).isNull();
		assertThat(row.get("channel")).isEqualTo("ASSISTANT");
		assertThat(row.get("description")).isEqualTo("路灯坏了");
		assertThat(row.get("tracking_code")).isEqualTo(JsonPath.read(filed.getContentAsString(), "$.trackingCode"));
	}

	@Test
	void theConfirmationPageIsPrefilledAndSaysWhatIsWrongBesideTheField() throws Exception {
		String page = mvc
			.perform(post("/assistant").param("text", "我要投诉，工地半夜施工").with(csrf()).with(citizen("zhao.lei")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("#latest", "");
		mvc.perform(get(page + "/complaint").with(citizen("zhao.lei")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("我要投诉，工地半夜施工")))
			.andExpect(content().string(containsString("value=\"" + CATEGORY + "\"")));
		mvc.perform(post(page + "/complaint").param("categoryCode", "")
			.param("description", "工地半夜施工")
			.with(csrf())
			.with(citizen("zhao.lei")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"categoryCode-error\"")));
		mvc.perform(post(page + "/complaint").param("categoryCode", CATEGORY)
			.param("description", "工地半夜施工")
			.with(csrf())
			.with(citizen("zhao.lei")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page + "#latest"));
		assertThat(db
			.sql("SELECT count(*) FROM complaint WHERE reporter = 'zhao.lei' AND channel = 'ASSISTANT'"
					+ " AND conversation_id = :c")
			.param("c", UUID.fromString(page.substring(page.lastIndexOf('/') + 1)))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAgentFilesFromAChatAndEndsWithTheOutcomePointingAtThatComplaintOnly() throws Exception {
		Caller agent = assistant.staff("agent.hotline");
		Started chat = assistant.queued(assistant.citizen("li.na"));
		accept(agent, chat.id());
		mvc.perform(get("/staff/agent/conversations/" + chat.id()).with(agent("agent.hotline")))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("action=\"/staff/agent/conversations/" + chat.id() + "/complaint\"")));
		MockHttpServletResponse filed = send(agent, "/api/v1/agent/conversations/" + chat.id() + "/complaint",
				"{\"categoryCode\":\"" + CATEGORY + "\",\"description\":\"楼上噪音\"}");
		assertThat(filed.getStatus()).isEqualTo(201);
		String id = JsonPath.read(filed.getContentAsString(), "$.id");
		Map<String, Object> row = complaint(id);
		assertThat(row.get("channel")).isEqualTo("CHAT");
		assertThat(row.get("filed_by")).isEqualTo("agent.hotline");
		assertThat(row.get("reporter")).isEqualTo("li.na");
		assertThat(row.get("conversation_id")).hasToString(chat.id());

		// A complaint of another conversation (the citizen's own, from the assistant).
		Caller wang = assistant.citizen("wang.fang");
		Started elsewhere = assistant.start(wang);
		assistant.say(wang, elsewhere.id(), "我要投诉");
		String other = JsonPath.read(
				fileAsCitizen(wang, elsewhere.id(), "{\"categoryCode\":\"" + CATEGORY + "\"}").getContentAsString(),
				"$.id");

		String end = "/api/v1/agent/conversations/" + chat.id() + "/end";
		assertRefused(send(agent, end, "{\"outcome\":\"COMPLAINT_FILED\"}"), "complaintId");
		assertRefused(
				send(agent, end, "{\"outcome\":\"COMPLAINT_FILED\",\"complaintId\":\"" + UUID.randomUUID() + "\"}"),
				"complaintId");
		assertRefused(send(agent, end, "{\"outcome\":\"COMPLAINT_FILED\",\"complaintId\":\"nonsense\"}"),
				"complaintId");
		assertRefused(send(agent, end, "{\"outcome\":\"COMPLAINT_FILED\",\"complaintId\":\"" + other + "\"}"),
				"complaintId");
		MockHttpServletResponse ended = send(agent, end,
				"{\"outcome\":\"COMPLAINT_FILED\",\"complaintId\":\"" + id + "\"}");
		assertThat(ended.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(ended.getContentAsString(), "$.complaintId")).isEqualTo(id);
		assertThat(conversation(chat.id())).containsEntry("outcome", "COMPLAINT_FILED");
		assertThat(conversation(chat.id()).get("complaint_id")).hasToString(id);
		// The ended conversation links to the staff page of the complaint.
		mvc.perform(get("/staff/agent/conversations/" + chat.id()).with(agent("agent.hotline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/staff/complaints/" + id)));
	}

	@Test
	void anAnonymousChatNeedsTheCitizensPhoneAndIsFiledInNobodysName() throws Exception {
		Caller agent = assistant.staff("agent.hotline");
		Started chat = assistant.queued(AssistantFixture.NOBODY);
		accept(agent, chat.id());
		String path = "/api/v1/agent/conversations/" + chat.id() + "/complaint";
		assertRefused(send(agent, path, "{\"categoryCode\":\"" + CATEGORY + "\"}"), "contactPhone");
		MockHttpServletResponse filed = send(agent, path,
				"{\"categoryCode\":\"" + CATEGORY + "\",\"contactPhone\":\"13800138000\"}");
		assertThat(filed.getStatus()).isEqualTo(201);
		Map<String, Object> row = complaint(JsonPath.read(filed.getContentAsString(), "$.id"));
		assertThat(row.get("reporter")).isNull();
		// Without a description, what the citizen wrote.
		assertThat(row.get("description")).isEqualTo("人工");
	}

	@Test
	void anAgentFilesDuringACallAndTheCallPointsAtThatComplaintOnly() throws Exception {
		Caller agent = assistant.staff("agent.hotline");
		MockHttpServletResponse filed = send(agent, "/api/v1/agent/calls/complaint", "{\"categoryCode\":\"" + CATEGORY
				+ "\",\"description\":\"来电反映楼上噪音\",\"contactPhone\":\"13800138000\",\"citizen\":\"li.na\"}");
		assertThat(filed.getStatus()).isEqualTo(201);
		String id = JsonPath.read(filed.getContentAsString(), "$.id");
		Map<String, Object> row = complaint(id);
		assertThat(row.get("channel")).isEqualTo("PHONE");
		assertThat(row.get("filed_by")).isEqualTo("agent.hotline");
		assertThat(row.get("reporter")).isEqualTo("li.na");
		assertThat(row.get("contact_phone")).isEqualTo("13800138000");

		// A complaint filed in a chat is not one filed during a call.
		Started chat = assistant.queued(assistant.citizen("wang.fang"));
		accept(agent, chat.id());
		String chatComplaint = JsonPath.read(send(agent, "/api/v1/agent/conversations/" + chat.id() + "/complaint",
				"{\"categoryCode\":\"" + CATEGORY + "\"}")
			.getContentAsString(), "$.id");
		// Nor is one another agent filed.
		assistant.onDuty("agent.hotline2", true);
		Caller second = assistant.staff("agent.hotline2");

		assertRefused(send(agent, "/api/v1/agent/calls", call(null)), "complaintId");
		assertRefused(send(agent, "/api/v1/agent/calls", call(UUID.randomUUID().toString())), "complaintId");
		assertRefused(send(agent, "/api/v1/agent/calls", call(chatComplaint)), "complaintId");
		assertRefused(send(second, "/api/v1/agent/calls", call(id)), "complaintId");
		assertThat(complaint(id).get("conversation_id")).isNull();

		MockHttpServletResponse logged = send(agent, "/api/v1/agent/calls", call(id));
		assertThat(logged.getStatus()).isEqualTo(201);
		String callId = JsonPath.read(logged.getContentAsString(), "$.id");
		assertThat((String) JsonPath.read(logged.getContentAsString(), "$.complaintId")).isEqualTo(id);
		assertThat(complaint(id).get("conversation_id")).hasToString(callId);
		assertThat(conversation(callId).get("complaint_id")).hasToString(id);
		// One complaint backs one call.
		assertRefused(send(agent, "/api/v1/agent/calls", call(id)), "complaintId");
	}

	@Test
	void aCallBackDoneWithAComplaintPointsAtOneFiledDuringIt() throws Exception {
		Caller agent = assistant.staff("agent.hotline");
		Started chat = assistant.queued(assistant.citizen("li.na"));
		accept(agent, chat.id());
		MockHttpServletResponse booked = send(agent, "/api/v1/agent/conversations/" + chat.id() + "/callback",
				"{\"slot\":\"" + firstSlot() + "\",\"phone\":\"13800138000\"}");
		assertThat(booked.getStatus()).as(booked.getContentAsString()).isEqualTo(201);
		String callback = JsonPath.read(booked.getContentAsString(), "$.id");
		String done = "/api/v1/agent/callbacks/" + callback + "/done";
		assertRefused(send(agent, done, "{\"outcome\":\"COMPLAINT_FILED\"}"), "complaintId");
		assertRefused(
				send(agent, done, "{\"outcome\":\"COMPLAINT_FILED\",\"complaintId\":\"" + UUID.randomUUID() + "\"}"),
				"complaintId");
		String id = JsonPath.read(send(agent, "/api/v1/agent/calls/complaint",
				"{\"categoryCode\":\"" + CATEGORY + "\",\"description\":\"回电时反映噪音\",\"contactPhone\":\"13800138000\"}")
			.getContentAsString(), "$.id");
		MockHttpServletResponse recorded = send(agent, done,
				"{\"outcome\":\"COMPLAINT_FILED\",\"complaintId\":\"" + id + "\"}");
		assertThat(recorded.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(recorded.getContentAsString(), "$.complaintId")).isEqualTo(id);
		assertThat(complaint(id).get("conversation_id")).hasToString(chat.id());
	}

	@Test
	void theConsoleFilesDuringACallThenTheCallFormPointsAtIt() throws Exception {
		String location = mvc
			.perform(post("/staff/agent/calls/complaint").param("categoryCode", CATEGORY)
				.param("description", "来电反映噪音")
				.param("contactPhone", "13800138000")
				.with(csrf())
				.with(agent("agent.hotline")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/staff/agent/calls?complaint=");
		String id = location.substring(location.indexOf('=') + 1, location.indexOf('#'));
		mvc.perform(get(location.substring(0, location.indexOf('#'))).with(agent("agent.hotline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + id + "\"")));
		mvc.perform(post("/staff/agent/calls").param("topic", "噪音投诉")
			.param("outcome", "COMPLAINT_FILED")
			.param("complaintId", "")
			.with(csrf())
			.with(agent("agent.hotline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"complaintId-error\"")));
		mvc.perform(post("/staff/agent/calls").param("topic", "噪音投诉")
			.param("outcome", "COMPLAINT_FILED")
			.param("complaintId", id)
			.with(csrf())
			.with(agent("agent.hotline"))).andExpect(redirectedUrl("/staff/agent?done=call-logged"));
		assertThat(complaint(id).get("conversation_id")).isNotNull();
	}

	private String call(String complaintId) {
		return "{\"topic\":\"噪音投诉\",\"outcome\":\"COMPLAINT_FILED\""
				+ (complaintId == null ? "" : ",\"complaintId\":\"" + complaintId + "\"") + "}";
	}

	private String firstSlot() throws Exception {
		String form = mvc.perform(get("/staff/agent/calls").with(agent("agent.hotline")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int at = form.indexOf("id=\"call-slot\"");
		int value = form.indexOf("<option value=\"", form.indexOf("<option value=\"", at) + 1);
		return form.substring(value + 15, form.indexOf('"', value + 15));
	}

	private void accept(Caller agent, String id) throws Exception {
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + id + "/accept"))).andExpect(status().isOk());
	}

	private MockHttpServletResponse fileAsCitizen(Caller caller, String id, String json) throws Exception {
		return send(caller, "/api/v1/assistant/conversations/" + id + "/complaint", json);
	}

	private MockHttpServletResponse send(Caller caller, String path, String json) throws Exception {
		return mvc
			.perform(caller.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn()
			.getResponse();
	}

	private static void assertRefused(MockHttpServletResponse response, String field) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
		List<String> fields = JsonPath.read(response.getContentAsString(), "$.errors[*].field");
		assertThat(fields).contains(field);
	}

	private Map<String, Object> complaint(String id) {
		return db.sql("SELECT * FROM complaint WHERE id = :id").param("id", UUID.fromString(id)).query().singleRow();
	}

	private Map<String, Object> conversation(String id) {
		return db.sql("SELECT * FROM assistant_conversation WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query()
			.singleRow();
	}

	private long filedIn(String conversation) {
		return db.sql("SELECT count(*) FROM complaint WHERE conversation_id = :c")
			.param("c", UUID.fromString(conversation))
			.query(Long.class)
			.single();
	}

	private static RequestPostProcessor citizen(String username) {
		return signedIn(new OneStopUser(username, username, false, null, null, Set.of()), "ROLE_CITIZEN");
	}

	private static RequestPostProcessor agent(String username) {
		return signedIn(new OneStopUser(username, username, true, null, "GS", Set.of(Role.AGENT)), "ROLE_STAFF");
	}

	private static RequestPostProcessor signedIn(OneStopUser user, String base) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(base));
		user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
		return authentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
	}

}
