package org.onestop.assistant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nobody on duty, asking for a person offers a call back; the form says what is
 * wrong beside each field.
 */
class CallbackBrowserTests extends BrowserTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@BeforeEach
	void nobodyOnDuty() {
		new AssistantFixture(mvc, db).clean();
	}

	@Test
	void aCallBackIsBookedAfterTheFormPointsOutTheMistakes() {
		browser.open("/");
		browser.click("[data-testid=talk-to-a-person]");
		browser.click("[data-testid=talk-to-person]");
		assertThat(browser.find("#assistant-state [data-state]").getDomAttribute("data-state"))
			.isEqualTo("CALLBACK_OFFERED");
		browser.assertAccessible();

		browser.click("#assistant-state [data-testid=callback-link]");
		assertThat(browser.findAll("input[name=slot]")).isNotEmpty();
		browser.assertAccessible();
		browser.type("#phone", "12345");
		browser.click("[data-testid=callback-submit]");

		assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
		assertThat(browser.text("[data-testid=slot-error]")).isNotBlank();
		assertThat(browser.text("#phone-error")).isNotBlank();
		assertThat(browser.find("#phone").getDomProperty("value")).isEqualTo("12345");
		browser.assertAccessible();

		browser.script("document.querySelector('input[name=slot]').click()");
		browser.type("#phone", "13800138000");
		browser.click("[data-testid=callback-submit]");

		assertThat(browser.path()).startsWith("/assistant/");
		assertThat(browser.findAll("[data-testid=callback-scheduled]")).hasSize(1);
		assertThat(browser.text("[data-testid=log]")).contains("138****8000");
		browser.assertAccessible();
	}

}
