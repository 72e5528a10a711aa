package org.onestop.appointment.web;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking dates carry their weekday, cancelling asks first (without script), and the
 * reschedule page shows the booking it changes: in both languages, accessibly, and only
 * for the citizen's own booking.
 */
class BookingChangesBrowserTests extends BrowserTest {

	@LocalServerPort
	int serverPort;

	static final String WEEKDAY_ZH = ".*\\d{1,2}月\\d{1,2}日 星期[一二三四五六日].*";

	static final String WEEKDAY_EN = ".*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} "
			+ "(January|February|March|April|May|June|July|August|September|October|November|December).*";

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aCitizenSeesWeekdaysIsAskedBeforeCancellingAndSeesWhatARescheduleChanges() {
		browser.signIn("zhao.lei", "demo12345");
		browser.open("/services/PS-ID-001/book?hall=HALL-WEST");
		assertThat(browser.text("[data-testid=days] a")).matches(WEEKDAY_ZH);
		browser.click("[data-testid=days] a");
		browser.script("document.querySelector(\"input[name=slotId]\").checked = true");
		browser.click("[data-testid=book]");
		String code = browser.path().substring("/appointments?booked=".length());
		assertThat(browser.text("[data-testid=appointment-when]")).matches("(?s)" + WEEKDAY_ZH);

		String cancel = browser.find("[data-testid=cancel]").getDomAttribute("href");
		browser.click("[data-testid=cancel]");
		assertThat(browser.text("h1")).isEqualTo("确定要取消这个预约吗？");
		assertThat(browser.text("[data-testid=booking-when]")).matches(WEEKDAY_ZH);
		assertThat(browser.text("[data-testid=booking-summary]")).contains(code).contains("海淀区政务服务中心");
		browser.assertAccessible();
		browser.click("[data-testid=keep]");
		assertThat(browser.text("[data-testid=appointments]")).contains("已预约");

		browser.click("[data-testid=appointments] a[href*=reschedule]");
		assertThat(browser.text("[data-testid=rescheduling]")).contains("您正在改约").contains(code);
		assertThat(browser.text("[data-testid=rescheduling] [data-testid=booking-when]")).matches(WEEKDAY_ZH);
		browser.assertAccessible();
		browser.open(browser.path() + "&lang=en");
		assertThat(browser.text("[data-testid=rescheduling]")).contains("You are changing this appointment")
			.contains(code);
		assertThat(browser.text("[data-testid=days] a")).matches(WEEKDAY_EN);
		browser.assertAccessible();

		browser.open(cancel);
		assertThat(browser.text("h1")).isEqualTo("Do you want to cancel this appointment?");
		assertThat(browser.text("[data-testid=booking-when]")).matches(WEEKDAY_EN);
		browser.assertAccessible();
		browser.click("[data-testid=confirm-cancel]");
		assertThat(browser.path()).isEqualTo("/appointments?cancelled");
		assertThat(browser.text("[data-testid=appointment-when]")).matches("(?s)" + WEEKDAY_EN);

		browser.open(cancel);
		assertThat(browser.findAll("[data-testid=confirm-cancel]")).as("a cancelled booking").isEmpty();
		assertThat(browser.findAll("[data-testid=not-changeable]")).hasSize(1);

		browser.visitorOf(serverPort);
		browser.signIn("li.na", "demo12345");
		browser.open(cancel);
		assertThat(browser.findAll("[data-testid=booking-summary]")).as("another citizen's booking").isEmpty();
		browser.open("/services/PS-ID-001/book?hall=HALL-WEST&reschedule="
				+ cancel.substring("/appointments/".length(), cancel.length() - "/cancel".length()));
		assertThat(browser.findAll("[data-testid=rescheduling]")).as("another citizen's booking").isEmpty();
	}

}
