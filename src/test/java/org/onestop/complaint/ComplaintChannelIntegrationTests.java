package org.onestop.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.Tokens;
import org.onestop.shared.ContactChannel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Besides its detailed channel, every complaint records the contact channel the figures
 * share: the device of a web complaint, HOTLINE for a call, OPEN311 for a partner app.
 */
@IntegrationTest
class ComplaintChannelIntegrationTests {

	static final String PHONE = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/120.0.0.0 Mobile Safari/537.36";

	static final OneStopUser AGENT = new OneStopUser("agent.hotline", "林婷", true, null, "GS", Set.of(Role.AGENT));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Complaints complaints;

	@Autowired
	ComplaintChannelQueries channels;

	@Autowired
	Clock clock;

	@Test
	void everyIntakeRecordsItsContactChannel() throws Exception {
		Instant from = clock.instant().minusSeconds(1);
		// Other tests' complaints may fall in the same window (the test clock stands
		// still):
		// count what these four add.
		Map<ContactChannel, Integer> before = channels.count(from, clock.instant().plusSeconds(1), null).orElseThrow();
		String fromPhone = JsonPath.read(mvc
			.perform(post("/api/v1/complaints").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na"))
				.header("User-Agent", PHONE)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"" + ComplaintApi.CATEGORY_NOISE + "\",\"description\":\"工地夜间施工噪音\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String fromComputer = JsonPath.read(mvc
			.perform(post("/api/v1/complaints").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"" + ComplaintApi.CATEGORY_NOISE + "\",\"description\":\"路口施工噪音\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		// A call: HOTLINE, whatever the agent's own browser is.
		UUID byPhone = complaints
			.file(AGENT,
					new Intake(Channel.PHONE, ComplaintApi.CATEGORY_NOISE, "来电反映夜间施工", null, null, null, List.of(),
							null, "13800138000", null, null, null, null, ContactChannel.WEB))
			.id();
		UUID partner = complaints.fileOpen311("test-client", "t-" + UUID.randomUUID(),
				new Intake(Channel.OPEN311, ComplaintApi.CATEGORY_NOISE, "合作应用上报施工噪音", null, null, null, List.of(),
						null, null, null, null, null, null))
			.id();
		assertThat(channelOf(UUID.fromString(fromPhone))).isEqualTo("MOBILE_WEB");
		assertThat(channelOf(UUID.fromString(fromComputer))).isEqualTo("WEB");
		assertThat(channelOf(byPhone)).isEqualTo("HOTLINE");
		assertThat(channelOf(partner)).isEqualTo("OPEN311");
		Map<ContactChannel, Integer> counted = channels.count(from, clock.instant().plusSeconds(1), null).orElseThrow();
		for (ContactChannel channel : List.of(ContactChannel.MOBILE_WEB, ContactChannel.WEB, ContactChannel.HOTLINE,
				ContactChannel.OPEN311)) {
			assertThat(counted.getOrDefault(channel, 0) - before.getOrDefault(channel, 0)).as(channel.name())
				.isEqualTo(1);
		}
	}

	private String channelOf(UUID complaint) {
		return db.sql("SELECT contact_channel FROM complaint WHERE id = :id")
			.param("id", complaint)
			.query(String.class)
			.single();
	}

}
