package org.onestop.assistant;

import java.time.Duration;
import java.util.List;

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
 * Leaving the queue and coming back, and the figures computed over the tables. Time
 * passes by moving the owner's last-seen time back, as the abandonment rule reads only
 * that.
 */
@IntegrationTest
class AbandonmentAndMetricsIntegrationTests {

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

	void away(Started c, Duration gone) {
		db.sql("UPDATE assistant_conversation SET last_seen_at = now() - make_interval(secs => :s) WHERE id = :id::uuid")
			.param("s", gone.toSeconds())
			.param("id", c.id())
			.update();
	}

	@Test
	void aCitizenWhoLeavesIsCountedAndBackWithinThirtyMinutesKeepsTheirPlace() throws Exception {
		Started first = assistant.queued(AssistantFixture.NOBODY);
		Started second = assistant.queued(AssistantFixture.NOBODY);
		away(first, Duration.ofMinutes(10));
		Caller agent = assistant.staff("agent.hotline");
		mvc.perform(agent.on(get("/api/v1/agent/queue")))
			.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.contains(second.id())));
		assertThat(JsonPath.<Integer>read(assistant.transcript(second.owner(), second.id()), "$.handoff.position"))
			.isEqualTo(1);
		// Back after ten minutes: first again, by the original enqueue time.
		assertThat(JsonPath.<Integer>read(assistant.transcript(first.owner(), first.id()), "$.handoff.position"))
			.isEqualTo(1);
		assertThat(JsonPath.<Integer>read(assistant.transcript(second.owner(), second.id()), "$.handoff.position"))
			.isEqualTo(2);
		mvc.perform(agent.on(get("/api/v1/agent/queue")))
			.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.contains(first.id(), second.id())));
		// Away for longer than thirty minutes: the place has lapsed, a person is offered
		// again.
		away(second, Duration.ofMinutes(31));
		mvc.perform(agent.on(get("/api/v1/agent/queue")))
			.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.contains(first.id())));
		assertThat(AssistantFixture.state(assistant.say(second.owner(), second.id(), "我回来了"))).isEqualTo("OFFERED");
		String back = assistant.say(second.owner(), second.id(), "是");
		assertThat(AssistantFixture.state(back)).isEqualTo("QUEUED");
		assertThat(JsonPath.<Integer>read(back, "$.handoff.position")).isEqualTo(2);
		assertThat(db.sql("SELECT sum(abandonments) FROM assistant_conversation").query(Integer.class).single())
			.isEqualTo(2);
		assertThat(db.sql("SELECT sum(returns) FROM assistant_conversation").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void theFigures() throws Exception {
		Caller agent = assistant.staff("agent.hotline");
		// Two conversations the assistant handled alone, one rated helpful.
		Started helpful = assistant.start(AssistantFixture.NOBODY);
		assistant.say(helpful.owner(), helpful.id(), "你好");
		mvc.perform(helpful.owner()
			.on(post("/api/v1/assistant/conversations/" + helpful.id() + "/rating"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"helpful\":true}")).andExpect(status().isNoContent());
		Started unhelpful = assistant.start(AssistantFixture.NOBODY);
		assistant.say(unhelpful.owner(), unhelpful.id(), "你好");
		// Two handed off: one served after a minute, one left.
		Started served = assistant.queued(AssistantFixture.NOBODY);
		db.sql("UPDATE assistant_conversation SET queued_at = queued_at - interval '60 seconds', "
				+ "person_requested_at = person_requested_at - interval '60 seconds' WHERE id = :id::uuid")
			.param("id", served.id())
			.update();
		mvc.perform(agent.on(post("/api/v1/agent/conversations/" + served.id() + "/accept")))
			.andExpect(status().isOk());
		Started left = assistant.queued(AssistantFixture.NOBODY);
		away(left, Duration.ofMinutes(5));
		String figures = mvc.perform(assistant.staff("head.hotline").on(get("/api/v1/agent/metrics")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Integer>read(figures, "$.conversations")).isEqualTo(4);
		assertThat(JsonPath.<Integer>read(figures, "$.personRequests")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(figures, "$.maxMessagesToQueue")).isEqualTo(1);
		assertThat(JsonPath.<Double>read(figures, "$.askToQueueSecondsP95")).isLessThan(1.0);
		assertThat(JsonPath.<Double>read(figures, "$.timeToAgentSecondsP50")).isBetween(59.0, 70.0);
		assertThat(JsonPath.<Integer>read(figures, "$.botConversations")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(figures, "$.botResolved")).isEqualTo(1);
		assertThat(JsonPath.<Double>read(figures, "$.botResolutionRate")).isEqualTo(0.5);
		// The leaver is counted once someone reads the queue.
		mvc.perform(agent.on(get("/api/v1/agent/queue"))).andExpect(status().isOk());
		figures = mvc.perform(agent.on(get("/api/v1/agent/metrics"))).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(figures, "$.abandonedWaits")).isEqualTo(1);
		assertThat(JsonPath.<Double>read(figures, "$.abandonmentRate")).isEqualTo(0.5);
		mvc.perform(agent.on(get("/api/v1/agent/metrics")).param("from", "2026-12-31").param("to", "2026-01-01"))
			.andExpect(status().isBadRequest());
		mvc.perform(assistant.citizen("li.na").on(get("/api/v1/agent/metrics"))).andExpect(status().isForbidden());
	}

}
