package org.onestop.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A conversation records the contact channel the figures share: the device the citizen
 * asks from, HOTLINE for a logged call; a complaint filed from a conversation takes the
 * conversation's.
 */
@IntegrationTest
class ConversationChannelIntegrationTests {

	static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	ConversationChannelQueries channels;

	@Autowired
	Clock clock;

	@Test
	void theAssistantOnAPhoneAndACallToTheHotline() throws Exception {
		Instant from = clock.instant().minusSeconds(1);
		// Other tests' conversations may fall in the same window (the test clock stands
		// still): count what this test adds.
		Map<ContactChannel, Integer> before = channels.count(from, clock.instant().plusSeconds(1), null).orElseThrow();
		Citizen citizen = accounts.register(residents.aged(40).create());
		String started = mvc
			.perform(post("/api/v1/assistant/conversations").header("Authorization", citizen.authorization())
				.header("User-Agent", PHONE))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID conversation = UUID.fromString(JsonPath.read(started, "$.id"));
		assertThat(contactChannelOf("assistant_conversation", conversation)).isEqualTo("MOBILE_WEB");
		// The complaint it leads to came through the same phone, whatever asks now.
		String filed = mvc
			.perform(post("/api/v1/assistant/conversations/" + conversation + "/complaint")
				.header("Authorization", citizen.authorization())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"ENV-NOISE-CONSTRUCTION\",\"description\":\"楼下工地夜里施工\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(contactChannelOf("complaint", UUID.fromString(JsonPath.read(filed, "$.id"))))
			.isEqualTo("MOBILE_WEB");
		String call = mvc
			.perform(post("/api/v1/agent/calls").header("Authorization", "Bearer " + Tokens.of(mvc, "agent.hotline"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"topic\":\"咨询高龄津贴\",\"outcome\":\"INFORMATION_GIVEN\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(contactChannelOf("assistant_conversation", UUID.fromString(JsonPath.read(call, "$.id"))))
			.isEqualTo("HOTLINE");
		Map<ContactChannel, Integer> counted = channels.count(from, clock.instant().plusSeconds(1), null).orElseThrow();
		assertThat(
				counted.getOrDefault(ContactChannel.MOBILE_WEB, 0) - before.getOrDefault(ContactChannel.MOBILE_WEB, 0))
			.isEqualTo(1);
		assertThat(counted.getOrDefault(ContactChannel.HOTLINE, 0) - before.getOrDefault(ContactChannel.HOTLINE, 0))
			.isEqualTo(1);
		// Conversations are no department's.
		assertThat(channels.count(from, clock.instant().plusSeconds(1), "CA")).isEmpty();
	}

	private String contactChannelOf(String table, UUID id) {
		String sql = "complaint".equals(table) ? "SELECT contact_channel FROM complaint WHERE id = :id"
				: "SELECT contact_channel FROM assistant_conversation WHERE id = :id";
		return db.sql(sql).param("id", id).query(String.class).single();
	}

}
