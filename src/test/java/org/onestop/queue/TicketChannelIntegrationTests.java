package org.onestop.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.appointment.MatterDepartments;
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
 * A ticket records the channel it was drawn through: KIOSK at a kiosk, COUNTER when a
 * clerk makes it; the burden figures count them so.
 */
@IntegrationTest
class TicketChannelIntegrationTests {

	static final String HALL = "HALL-EAST";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Autowired
	TicketChannels channels;

	@Autowired
	MatterDepartments matters;

	QueueFixture hall;

	@BeforeEach
	void setUp() throws Exception {
		hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		hall.clear();
	}

	@Test
	void kioskAndClerkTicketsAreToldApart() throws Exception {
		Instant from = clock.instant().minusSeconds(1);
		// Other tests' tickets may fall in the same window (the test clock stands still):
		// count what these three add.
		Map<ContactChannel, Integer> before = channels.count(from, clock.instant().plusSeconds(1), null).orElseThrow();
		String department = matters.of(List.of(hall.service("A"))).get(hall.service("A"));
		int kioskOfDepartment = channels.count(from, clock.instant().plusSeconds(1), department)
			.orElseThrow()
			.getOrDefault(ContactChannel.KIOSK, 0);
		String kiosk = JsonPath.read(mvc.perform(post("/api/v1/admin/halls/" + HALL + "/kiosks")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Entrance\"}")).andReturn().getResponse().getContentAsString(), "$.token");
		String atKiosk = JsonPath.read(mvc
			.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"" + hall.service("A") + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String byClerk = hall.walkIn("A");
		String checkedIn = hall.checkIn(hall.appointment("li.na", "110106198806158882", "A", clock.instant()), "A");
		assertThat(channelOf(atKiosk)).isEqualTo("KIOSK");
		assertThat(channelOf(byClerk)).isEqualTo("COUNTER");
		assertThat(channelOf(checkedIn)).isEqualTo("COUNTER");
		Map<ContactChannel, Integer> counted = channels.count(from, clock.instant().plusSeconds(1), null).orElseThrow();
		assertThat(counted).containsEntry(ContactChannel.KIOSK, before.getOrDefault(ContactChannel.KIOSK, 0) + 1)
			.containsEntry(ContactChannel.COUNTER, before.getOrDefault(ContactChannel.COUNTER, 0) + 2);
		// A department's tickets are those of its matters.
		assertThat(channels.count(from, clock.instant().plusSeconds(1), department).orElseThrow())
			.containsEntry(ContactChannel.KIOSK, kioskOfDepartment + 1);
		assertThat(channels.count(from, clock.instant().plusSeconds(1), "NOBODY").orElseThrow()).isEmpty();
	}

	private String channelOf(String ticket) {
		return db.sql("SELECT channel FROM queue_ticket WHERE id = :id")
			.param("id", UUID.fromString(ticket))
			.query(String.class)
			.single();
	}

}
