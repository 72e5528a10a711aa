package org.onestop.assistant;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.OneStopApplication;
import org.onestop.assistant.AssistantFixture.Caller;
import org.onestop.assistant.AssistantFixture.Started;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.EventHub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Live updates by server-sent events: the citizen's stream carries the handoff and every
 * new line, also when the agent works on another node of the same database.
 */
@IntegrationTest
class ConversationEventsIntegrationTests {

	static final OneStopUser AGENT = new OneStopUser("agent.hotline", "林婷", true, null, "GS", Set.of(Role.AGENT));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	EventHub hub;

	@Autowired
	javax.sql.DataSource dataSource;

	AssistantFixture assistant;

	@BeforeEach
	void setUp() throws Exception {
		assistant = new AssistantFixture(mvc, db);
		assistant.clean();
		assistant.onDuty("agent.hotline", true);
	}

	@Test
	void theCitizenSeesPositionAgentAndAnswersLive() throws Exception {
		Started ahead = assistant.queued(AssistantFixture.NOBODY);
		Started c = assistant.queued(AssistantFixture.NOBODY);
		MvcResult stream = listen(c.owner(), c.id());
		assertThat(body(stream)).contains("event:handoff").contains("\"position\":2").contains("人工");
		Caller agent = assistant.staff("agent.hotline");
		mvc.perform(agent.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/agent/conversations/" + ahead.id() + "/accept")));
		hub.poll();
		assertThat(body(stream)).contains("\"position\":1");
		mvc.perform(agent.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/agent/conversations/" + c.id() + "/accept")));
		hub.poll();
		assertThat(body(stream)).contains("\"state\":\"CONNECTED\"").contains("林婷");
		// Someone else's stream is not to be had.
		mvc.perform(get("/api/v1/assistant/conversations/" + c.id() + "/events"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
	}

	@Test
	void anAgentsStreamEndsWhenAnotherAgentTakesTheConversation() throws Exception {
		Started c = assistant.queued(AssistantFixture.NOBODY);
		MvcResult watching = mvc
			.perform(assistant.staff("agent.hotline2").on(get("/api/v1/agent/conversations/" + c.id() + "/events")))
			.andExpect(request().asyncStarted())
			.andReturn();
		mvc.perform(assistant.staff("agent.hotline").on(post("/api/v1/agent/conversations/" + c.id() + "/accept")))
			.andExpect(status().isOk());
		mvc.perform(assistant.staff("agent.hotline")
			.on(post("/api/v1/agent/conversations/" + c.id() + "/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"只给接待的客服和市民看\"}")).andExpect(status().isOk());
		hub.poll();
		assertThat(body(watching)).doesNotContain("只给接待的客服和市民看");
	}

	@Test
	void twoNodesOnOneDatabase() throws Exception {
		Started c = assistant.queued(AssistantFixture.NOBODY);
		MvcResult stream = listen(c.owner(), c.id());
		String url = ((HikariDataSource) dataSource).getJdbcUrl();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OneStopApplication.class)
			.profiles("test")
			.run("--onestop.db.url=" + url, "--onestop.db.user=postgres", "--server.port=0")) {
			AgentDesk otherNode = second.getBean(AgentDesk.class);
			assertThat(otherNode.queue(AGENT)).extracting(AgentDesk.QueueEntry::id)
				.containsExactly(UUID.fromString(c.id()));
			otherNode.accept(AGENT, UUID.fromString(c.id()));
			otherNode.reply(AGENT, UUID.fromString(c.id()), "这里是另一台服务器上的客服");
			hub.poll();
			assertThat(body(stream)).contains("\"state\":\"CONNECTED\"").contains("这里是另一台服务器上的客服");
			// And back: the citizen writes on this node, the agent reads it on the other.
			assistant.say(c.owner(), c.id(), "收到，谢谢");
			assertThat(otherNode.conversation(AGENT, UUID.fromString(c.id())).messages())
				.extracting(ConversationStore.Line::text)
				.contains("收到，谢谢");
		}
	}

	@Test
	void oneAddressHoldsTwentyStreamsAtMostAndAnEndedOneGivesItsPlaceBack() throws Exception {
		Started c = assistant.start(AssistantFixture.NOBODY);
		String events = "/api/v1/assistant/conversations/" + c.id() + "/events";
		List<MvcResult> open = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			open.add(mvc.perform(c.owner().on(get(events)).with(from("10.20.30.40")))
				.andExpect(request().asyncStarted())
				.andReturn());
		}
		mvc.perform(c.owner().on(get(events)).with(from("10.20.30.40")).header("Accept-Language", "en"))
			.andExpect(status().isTooManyRequests())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Retry-After", "30"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
				.value(org.hamcrest.Matchers.containsString("at most 20")));
		open.remove(0).getRequest().getAsyncContext().complete();
		open.add(mvc.perform(c.owner().on(get(events)).with(from("10.20.30.40")))
			.andExpect(request().asyncStarted())
			.andReturn());
		open.forEach(stream -> stream.getRequest().getAsyncContext().complete());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MvcResult listen(Caller owner, String id) throws Exception {
		return mvc.perform(owner.on(get("/api/v1/assistant/conversations/" + id + "/events")))
			.andExpect(request().asyncStarted())
			.andReturn();
	}

	private static String body(MvcResult stream) throws Exception {
		return stream.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
