package org.onestop.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.assistant.AssistantFixture.Caller;
import org.onestop.assistant.AssistantFixture.Started;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agent's desk: the queue, the accept race, what the agent sees, ending, phone calls,
 * and who sees what.
 */
@IntegrationTest
class AgentDeskIntegrationTests {

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
		assistant.onDuty("agent.hotline2", true);
	}

	@Test
	void twoAgentsAcceptingAtOnceExactlyOneWins() throws Exception {
		for (int round = 0; round < 5; round++) {
			Started c = assistant.queued(AssistantFixture.NOBODY);
			Caller first = assistant.staff("agent.hotline");
			Caller second = assistant.staff("agent.hotline2");
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (Caller agent : List.of(first, second)) {
					Callable<Integer> accept = () -> {
						go.await();
						return mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/accept")))
							.andReturn()
							.getResponse()
							.getStatus();
					};
					results.add(pool.submit(accept));
				}
				go.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> f : results) {
					statuses.add(f.get());
				}
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(db
				.sql("SELECT count(*) FROM assistant_message WHERE conversation_id = :id::uuid AND author = 'SYSTEM'")
				.param("id", c.id())
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void theAgentGetsTheWholeTranscriptTheMattersAndWhoTheSignedInCitizenIs() throws Exception {
		Caller liNa = assistant.citizen("li.na");
		Started c = assistant.start(liNa);
		assistant.say(liNa, c.id(), "身份证丢了怎么补办");
		assistant.say(liNa, c.id(), "转人工");
		Caller agent = assistant.staff("agent.hotline");
		String queue = mvc.perform(agent.on(get("/api/v1/agent/queue")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(queue, "$[*].id")).containsExactly(c.id());
		assertThat(JsonPath.<String>read(queue, "$[0].citizen")).isEqualTo("李娜");
		assertThat(JsonPath.<String>read(queue, "$[0].topic")).isEqualTo("居民身份证丢失补领");
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/accept")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("CONNECTED"))
			.andExpect(jsonPath("$.messages[0].text").value("身份证丢了怎么补办"))
			.andExpect(jsonPath("$.matters[0].code").value("PS-ID-003"))
			.andExpect(jsonPath("$.citizen.name").value("李娜"))
			.andExpect(jsonPath("$.citizen.openApplications").isArray())
			.andExpect(jsonPath("$.citizen.appointments").isArray());
		// The citizen sees the handoff and the agent's answer; their own messages now go
		// to the agent.
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"您好，我是林婷\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.author").value("AGENT"));
		String reply = assistant.say(liNa, c.id(), "谢谢");
		assertThat(AssistantFixture.state(reply)).isEqualTo("CONNECTED");
		assertThat(JsonPath.<List<String>>read(assistant.transcript(liNa, c.id()), "$.messages[*].text"))
			.contains("您好，我是林婷", "谢谢");
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/application"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"PS-ID-001\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.link").value("/services/PS-ID-001/apply"));
		// A visit is booked by the citizen, in their own name, from the button the agent
		// sends.
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/booking"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"PS-ID-003\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.link").value("/services/PS-ID-003/book"));
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/booking"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"NO-SUCH-1\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("serviceCode"));
		assertThat(JsonPath.<List<String>>read(assistant.transcript(liNa, c.id()), "$.messages[*].link"))
			.contains("/services/PS-ID-003/book");
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/end"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"MAYBE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("outcome"));
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + c.id() + "/end"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"RESOLVED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("ENDED"))
			.andExpect(jsonPath("$.outcome").value("RESOLVED"));
		// Once the conversation is over, its agent no longer sees what the citizen has
		// open.
		mvc.perform(agent.on(get("/api/v1/agent/conversations/" + c.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[0].text").value("身份证丢了怎么补办"))
			.andExpect(jsonPath("$.citizen").doesNotExist());
		assertThat(
				db.sql("SELECT count(*) FROM audit_entry WHERE subject = :s AND action = 'assistant.citizen-data-read'")
					.param("s", "account:li.na")
					.query(Integer.class)
					.single())
			.isPositive();
		assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE subject = :s AND action = 'assistant.ended-resolved'")
			.param("s", "conversation:" + c.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whoSeesWhat() throws Exception {
		Caller liNa = assistant.citizen("li.na");
		Caller agent = assistant.staff("agent.hotline");
		Caller otherAgent = assistant.staff("agent.hotline2");
		// Before it is queued, no agent sees it.
		Started early = assistant.start(liNa);
		assistant.say(liNa, early.id(), "你好");
		mvc.perform(agent.on(get("/api/v1/agent/conversations/" + early.id()))).andExpect(status().isNotFound());
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + early.id() + "/accept")))
			.andExpect(status().isNotFound());
		// Queued: every agent of the pool sees it; once one accepts, the other no longer
		// does.
		assistant.say(liNa, early.id(), "人工");
		mvc.perform(otherAgent.on(get("/api/v1/agent/conversations/" + early.id()))).andExpect(status().isOk());
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + early.id() + "/accept"))).andExpect(status().isOk());
		mvc.perform(otherAgent.on(get("/api/v1/agent/conversations/" + early.id()))).andExpect(status().isNotFound());
		mvc.perform(otherAgent.on(post("/api/v1/agent/conversations/" + early.id() + "/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"hi\"}")).andExpect(status().isNotFound());
		mvc.perform(agent.on(get("/api/v1/agent/conversations/" + early.id()))).andExpect(status().isOk());
		// Other citizens, other browsers and staff without the role.
		mvc.perform(assistant.citizen("zhao.lei").on(get("/api/v1/assistant/conversations/" + early.id())))
			.andExpect(status().isNotFound());
		Started anonymous = assistant.start(AssistantFixture.NOBODY);
		mvc.perform(anonymous.owner().on(get("/api/v1/assistant/conversations/" + early.id())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/assistant/conversations/" + anonymous.id())).andExpect(status().isNotFound());
		mvc.perform(liNa.on(get("/api/v1/agent/queue"))).andExpect(status().isForbidden());
		mvc.perform(assistant.staff("clerk.ps").on(get("/api/v1/agent/queue"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/agent/queue")).andExpect(status().isUnauthorized());
		mvc.perform(assistant.staff("head.hotline").on(get("/api/v1/agent/metrics"))).andExpect(status().isOk());
	}

	@Test
	void phoneCallsAreLoggedAsEndedConversationsWithTheSameOutcomes() throws Exception {
		Caller agent = assistant.staff("agent.hotline");
		mvc.perform(agent.on(post("/api/v1/agent/calls"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"topic\":\"咨询社保卡补办\",\"notes\":\"已告知所需材料\",\"outcome\":\"INFORMATION_GIVEN\",\"durationSeconds\":180}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("PHONE"))
			.andExpect(jsonPath("$.state").value("ENDED"))
			.andExpect(jsonPath("$.outcome").value("INFORMATION_GIVEN"))
			.andExpect(jsonPath("$.messages[0].text").value("已告知所需材料"));
		mvc.perform(agent.on(post("/api/v1/agent/calls"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"RESOLVED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("topic"));
		assertThat(db.sql("SELECT count(*) FROM assistant_conversation WHERE channel = 'PHONE' AND handoff = 'ENDED'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
