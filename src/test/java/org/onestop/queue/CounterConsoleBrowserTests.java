package org.onestop.queue;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk calls and completes a number at the counter console; the public board shows it,
 * accessibly.
 */
class CounterConsoleBrowserTests extends BrowserTest {

	static final String HALL = "HALL-CITY";

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
	void callAndCompleteAtTheCounterThenSeeItOnTheBoard() throws Exception {
		QueueFixture hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		hall.clear();
		hall.walkIn("A");
		hall.walkIn("A");

		browser.signIn("clerk.ps", "demo12345");
		browser.open("/staff/halls/" + HALL + "/counters/1");
		assertThat(browser.text("[data-testid=no-current]")).isNotBlank();
		browser.assertAccessible();
		browser.click("[data-testid=call-next]");
		assertThat(browser.text("[data-testid=current-number]")).isEqualTo("A001");
		browser.assertAccessible();
		browser.click("[data-testid=complete]");
		assertThat(browser.findAll("[data-testid=current-number]")).isEmpty();
		browser.click("[data-testid=call-next]");
		assertThat(browser.text("[data-testid=current-number]")).isEqualTo("A002");

		browser.open("/halls/" + HALL + "/board");
		assertThat(browser.text("[data-testid=called]")).contains("A002", "A001");
		browser.assertAccessible();
	}

	@Test
	void theBoardUpdatesItselfWhenANumberIsCalled() throws Exception {
		QueueFixture hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		hall.clear();
		hall.walkIn("B");
		browser.open("/halls/" + HALL + "/board");
		assertThat(browser.findAll("[data-testid=no-calls]")).hasSize(1);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/halls/" + HALL + "/counters/4/call-next")
			.header("Authorization", "Bearer " + hall.clerkToken()));
		long deadline = System.currentTimeMillis() + 10_000;
		while (browser.findAll("[data-testid=called]").isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
		}
		assertThat(browser.text("[data-testid=called]")).contains("B001");
	}

}
