package org.onestop.queue;

import java.time.Clock;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.shared.ResidentIdNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an unattended kiosk may do: the 70+ green channel only for a person the population
 * registry knows to be 70 or over (any valid-looking number with an old birth year got
 * it), still a plain ticket for anyone else; and at most 30 tickets a minute per device,
 * counted in the database so that every node agrees.
 */
@IntegrationTest
class KioskLimitsIntegrationTests {

	static final String HALL = "HALL-EAST";

	/** In the population registry, born 1954. */
	static final String ELDER = "110108195404123061";

	/** In the population registry, born 1990. */
	static final String YOUNGER = "110101199003071233";

	/**
	 * Checksum-valid, born 1940, but region 990101 does not exist and nobody has this
	 * number.
	 */
	static final String MADE_UP = ResidentIdNumber.complete("99010119400101123").value();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	QueueFixture hall;

	String kiosk;

	@BeforeEach
	void setUp() throws Exception {
		hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		hall.clear();
		kiosk = JsonPath.read(mvc.perform(post("/api/v1/admin/halls/" + HALL + "/kiosks")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Entrance\"}")).andReturn().getResponse().getContentAsString(), "$.token");
	}

	@Test
	void theGreenChannelAtAKioskIsForEldersTheRegistryKnows() throws Exception {
		atKiosk(ELDER).andExpect(status().isCreated()).andExpect(jsonPath("$.priority").value(true));
		atKiosk(YOUNGER).andExpect(status().isCreated()).andExpect(jsonPath("$.priority").value(false));
		// Not an error: the person at the kiosk still gets a number, only not the green
		// channel.
		atKiosk(MADE_UP).andExpect(status().isCreated()).andExpect(jsonPath("$.priority").value(false));
		// A clerk sees the ID card itself.
		hall.take("{\"serviceCode\":\"" + hall.service("A") + "\",\"idNumber\":\"" + MADE_UP + "\"}");
		org.assertj.core.api.Assertions.assertThat(db.sql("""
				SELECT count(*) FROM queue_ticket WHERE hall = :h AND priority = 'AGE_70' AND issued_by = 'clerk.ps'""")
			.param("h", HALL)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aKioskGivesThirtyTicketsAMinuteThen429() throws Exception {
		for (int i = 0; i < 30; i++) {
			atKiosk(null).andExpect(status().isCreated());
		}
		atKiosk(null).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("as many numbers as it may in one minute")));
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(null)))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("已达上限")));
		// The browser kiosk is the same device: refused as such, with the reason on the
		// page.
		mvc.perform(post("/halls/" + HALL + "/kiosk").with(csrf())
			.cookie(new Cookie(KioskController.COOKIE, kiosk))
			.param("group", "A")
			.header("Accept-Language", "en"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("as many numbers as it may in one minute")));
		// Refusals took nothing; once the minute has passed, the kiosk gives numbers
		// again.
		db.sql("UPDATE queue_kiosk_use SET window_start = window_start - interval '61 seconds' WHERE kiosk = "
				+ "(SELECT id FROM queue_kiosk WHERE token_sha256 = sha256(convert_to(:t, 'UTF8')))")
			.param("t", kiosk)
			.update();
		atKiosk(null).andExpect(status().isCreated());
	}

	private ResultActions atKiosk(String idNumber) throws Exception {
		return mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", "Kiosk " + kiosk)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(idNumber)));
	}

	private String body(String idNumber) {
		return "{\"serviceCode\":\"" + hall.service("A") + "\""
				+ (idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"") + "}";
	}

}
