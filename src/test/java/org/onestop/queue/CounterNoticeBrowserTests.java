package org.onestop.queue;

import java.time.Clock;

import jakarta.servlet.http.Cookie;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The counter console says what the clerk just did, to which number and at which counter,
 * and a kiosk's walk-in ticket (no matter chosen) shows no matter: in both languages,
 * reached through the staff navigation, accessibly.
 */
class CounterNoticeBrowserTests extends BrowserTest {

	static final String HALL = "HALL-EAST";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void theNoticeNamesTheNumberAndTheCounterAndAKioskTicketNamesNoMatter() throws Exception {
		new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.civil")).clear();
		kioskTicket("A");
		kioskTicket("A");
		java.util.List<String> numbers = db
			.sql("SELECT number FROM queue_ticket WHERE hall = :h AND service_code IS NULL ORDER BY arrived_at")
			.param("h", HALL)
			.query(String.class)
			.list();
		assertThat(numbers).as("kiosk tickets name no matter").hasSize(2);
		String first = numbers.get(0);
		String second = numbers.get(1);

		browser.signIn("clerk.civil", "demo12345");
		browser.click("[data-testid=nav-counters]");
		assertThat(browser.path()).isEqualTo("/staff/counters");
		browser.assertAccessible();
		// The clerk works at every demo hall: this hall's first counter.
		browser.click("[data-testid=counters-" + HALL + "] a[href$='/counters/1']");
		browser.click("[data-testid=call-next]");
		assertThat(browser.text("[data-testid=done]")).isEqualTo("已叫 " + first + " 号到1号窗口。");
		assertThat(browser.text(".govuk-notification-banner__title")).isEqualTo("成功");
		assertThat(browser.text("[data-testid=current-matter]")).as(() -> db
			.sql("SELECT number || ' ' || coalesce(service_code, '-') || ' ' || issued_by || ' ' || status || ' '"
					+ " || coalesce(counter, '-') || ' ' || coalesce(called_at::text, '-') FROM queue_ticket WHERE hall = :h")
			.param("h", HALL)
			.query(String.class)
			.list()
			.toString()).isEqualTo("未选择事项");
		browser.assertAccessible();

		browser.open(browser.path() + "&lang=en");
		assertThat(browser.text("[data-testid=done]")).isEqualTo(first + " was called to Counter 1.");
		assertThat(browser.text("[data-testid=current-matter]")).isEqualTo("No matter chosen");
		browser.assertAccessible();
		browser.click("[data-testid=complete]");
		assertThat(browser.text("[data-testid=done]")).isEqualTo(first + " is complete.");
		browser.click("[data-testid=call-next]");
		browser.click("[data-testid=recall]");
		assertThat(browser.text("[data-testid=done]")).isEqualTo(second + " was called to Counter 1 again.");
		browser.click("[data-testid=complete]");
		browser.click("[data-testid=call-next]");
		assertThat(browser.text("[data-testid=done]")).isEqualTo("Nobody is waiting for this counter.");
		assertThat(browser.text(".govuk-notification-banner__title")).isEqualTo("Important");
		browser.assertAccessible();
	}

	@Test
	void aTicketOfAnotherHallIsNotNamed() throws Exception {
		QueueFixture east = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.civil"));
		east.clear();
		QueueFixture city = new QueueFixture(mvc, db, clock, "HALL-CITY", Tokens.of(mvc, "clerk.civil"));
		String elsewhere = city.walkIn("A");
		browser.signIn("clerk.civil", "demo12345");
		browser.open("/staff/halls/" + HALL + "/counters/1?done=called&ticket=" + elsewhere);
		assertThat(browser.text("[data-testid=done]")).isEqualTo("已叫下一位。");
	}

	private void kioskTicket(String group) throws Exception {
		String admin = Tokens.of(mvc, "admin");
		String token = JsonPath
			.read(mvc.perform(post("/api/v1/admin/halls/" + HALL + "/kiosks").header("Authorization", "Bearer " + admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Door\"}")).andReturn().getResponse().getContentAsString(), "$.token");
		mvc.perform(post("/halls/" + HALL + "/kiosk").with(csrf())
			.cookie(new Cookie(KioskController.COOKIE, token))
			.param("group", group));
	}

}
