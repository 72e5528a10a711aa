package org.onestop.catalog;

import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen finds a service: by searching from any page, or through a life event. */
class CatalogBrowserTests extends BrowserTest {

	@Test
	void searchFromAnyPageThenOpenTheMatter() {
		browser.open("/notices");
		browser.type("#site-q", "办身份证");
		browser.click(".onestop-site-search button");
		assertThat(browser.path()).startsWith("/services?q=");
		browser.click(".onestop-result h3 a");
		assertThat(browser.path()).isEqualTo("/services/PS-ID-001");
		assertThat(browser.text("h1")).contains("身份证");
		// HYBRID: the one trip is explained.
		assertThat(browser.text("[data-testid=channel-reason]")).isNotBlank();
	}

	@Test
	void searchInEnglishShowsChannelTripsAndTimeAtAGlance() {
		browser.open("/?lang=en");
		browser.type("#home-q", "identity card");
		browser.click("main form[role=search] button");
		String first = browser.text(".onestop-result");
		assertThat(first).contains("ID card").contains("trip").contains("working days");
	}

	@Test
	void anOfflineMatterSaysWhy() {
		browser.open("/services/CA-MAR-001?lang=en");
		assertThat(browser.text(".onestop-matter-facts")).contains("In person");
		assertThat(browser.text("[data-testid=channel-reason]")).isNotBlank();
	}

	@Test
	void browseByLifeEvent() {
		browser.open("/");
		browser.click("a[href='/life-events/baby']");
		assertThat(browser.path()).isEqualTo("/life-events/baby");
		assertThat(browser.findAll("main ol li")).hasSizeGreaterThanOrEqualTo(3);
		assertThat(browser.findAll("main ol li .govuk-tag")).isNotEmpty();
		browser.click("main ol li a");
		assertThat(browser.path()).startsWith("/services/");
	}

}
