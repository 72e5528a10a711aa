package org.onestop.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.assistant.AssistantFixture.state;

/**
 * One caller cannot fill the queue for a person: an anonymous address keeps at most three
 * conversations waiting, a device and a signed-in citizen one each; beyond it the request
 * is refused politely and nothing changes.
 */
@IntegrationTest
class WaitingLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	private AssistantFixture assistant;

	@BeforeEach
	void setUp() throws Exception {
		assistant = new AssistantFixture(mvc, db);
		assistant.clean();
		assistant.onDuty("agent.hotline", true);
	}

	@Test
	void oneAddressKeepsAtMostThreeAnonymousConversationsWaiting() throws Exception {
		for (int i = 0; i < 3; i++) {
			assistant.queued(AssistantFixture.NOBODY);
		}
		Started fourth = assistant.start(AssistantFixture.NOBODY);
		String refused = assistant.say(fourth.owner(), fourth.id(), "人工");
		assertThat(state(refused)).isEqualTo("NONE");
		assertThat(JsonPath.<String>read(refused, "$.reply")).contains("3 个对话在等待人工客服");
		assertThat(JsonPath.<List<String>>read(refused, "$.actions[*].href")).contains("/sign-in");
		assertThat(waiting()).isEqualTo(3);
		// A signed-in citizen on the same address is not behind the address's limit, but
		// keeps one waiting herself.
		Caller liNa = assistant.citizen("li.na");
		assistant.queued(liNa);
		Started again = assistant.start(liNa);
		String mine = mvc.perform(liNa
			.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/assistant/conversations/" + again.id() + "/messages"))
			.header("Accept-Language", "en")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content(AssistantFixture.json("text", "human"))).andReturn().getResponse().getContentAsString();
		assertThat(state(mine)).isEqualTo("NONE");
		// Asked in English (the reply follows the question's language, issue 14).
		assertThat(JsonPath.<String>read(mine, "$.reply")).contains("You already have 1 conversation(s) waiting");
		assertThat(waiting()).isEqualTo(4);
	}

	@Test
	void oneDeviceKeepsOneConversationWaiting() throws Exception {
		Started first = assistant.queued(AssistantFixture.NOBODY);
		// The same device: a new conversation started with the earlier one's token (the
		// fixture keeps the new token).
		Started second = assistant.start(first.owner());
		assertThat(state(assistant.say(second.owner(), second.id(), "人工"))).isEqualTo("NONE");
		assertThat(waiting()).isEqualTo(1);
	}

	@Test
	void concurrentRequestsFromOneAddressNeverGetPastTheLimit() throws Exception {
		List<Started> started = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			started.add(assistant.start(AssistantFixture.NOBODY));
		}
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<String>> replies = new ArrayList<>();
			for (Started c : started) {
				replies.add(pool.submit((Callable<String>) () -> assistant.say(c.owner(), c.id(), "人工")));
			}
			long queued = 0;
			for (Future<String> reply : replies) {
				queued += "QUEUED".equals(state(reply.get())) ? 1 : 0;
			}
			assertThat(queued).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(waiting()).isEqualTo(3);
	}

	private int waiting() {
		return db.sql("SELECT count(*) FROM assistant_conversation WHERE handoff = 'QUEUED' AND abandoned_at IS NULL")
			.query(Integer.class)
			.single();
	}

}
