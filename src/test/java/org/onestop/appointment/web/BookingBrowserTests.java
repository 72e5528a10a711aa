package org.onestop.appointment.web;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen books a visit in the browser (hall, day, time), sees the booking code, and
 * cancels it.
 */
class BookingBrowserTests extends BrowserTest {

	@LocalServerPort
	int serverPort;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aCitizenBooksAVisitAndCancelsIt() {
		browser.visitorOf(serverPort);
		browser.signIn("li.na", "demo12345");
		browser.open("/services/PS-ID-001/book");
		browser.assertAccessible();
		browser.click("a[href*='hall=HALL-EAST']");
		browser.assertAccessible();
		// The first day with places left.
		browser.click("[data-testid=days] a");
		assertThat(browser.findAll("input[name=slotId]")).isNotEmpty();
		browser.assertAccessible();
		browser.script("document.querySelector(\"input[name=slotId]\").checked = true");
		browser.click("[data-testid=book]");
		assertThat(browser.path()).startsWith("/appointments?booked=");
		assertThat(browser.text("[data-testid=banner]"))
			.contains(browser.path().substring("/appointments?booked=".length()));
		assertThat(browser.text("[data-testid=appointments]")).contains("居民身份证换领").contains("已预约");
		browser.assertAccessible();
		browser.click("[data-testid=appointments] [data-testid=cancel]");
		browser.click("[data-testid=confirm-cancel]");
		assertThat(browser.path()).isEqualTo("/appointments?cancelled");
		assertThat(browser.text("[data-testid=appointments]")).contains("已取消");
	}

	@Test
	void bookingTheSameMatterTwiceSaysSoOnThePage() {
		browser.visitorOf(serverPort);
		browser.signIn("wang.fang", "demo12345");
		for (int attempt = 0; attempt < 2; attempt++) {
			browser.open("/services/PS-DL-001/book?hall=HALL-WEST");
			browser.click("[data-testid=days] a");
			browser.script("document.querySelector(\"input[name=slotId]\").checked = true");
			browser.click("[data-testid=book]");
		}
		assertThat(browser.text("[data-testid=booking-error]")).contains("已经预约了这个事项");
		browser.assertAccessible();
	}

}
