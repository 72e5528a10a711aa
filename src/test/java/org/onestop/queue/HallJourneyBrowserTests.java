package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One visit end to end, in the browser: a citizen books online, checks in at the hall's
 * kiosk with the booking code, is called at a counter and served; the appointment then
 * shows as served.
 */
class HallJourneyBrowserTests extends BrowserTest {

	static final String HALL = "HALL-EAST";

	@LocalServerPort
	int serverPort;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void bookCheckInBeCalledAndServed() {
		browser.visitorOf(serverPort);
		browser.signIn("li.na", "demo12345");
		browser.open("/services/PS-ID-001/book?hall=" + HALL);
		browser.click("[data-testid=days] a");
		browser.script("document.querySelector(\"input[name=slotId]\").checked = true");
		browser.click("[data-testid=book]");
		String code = browser.path().substring("/appointments?booked=".length());
		// The booking is for a later day; the test moves its slot to now, as if that day
		// had come.
		long slot = db.sql("SELECT slot_id FROM appointment WHERE booking_code = :c")
			.param("c", code)
			.query(Long.class)
			.single();
		db.sql("""
				UPDATE appointment_slot SET day = :today, starts_at = :start, ends_at = :end WHERE id = :id""")
			.param("today", java.sql.Date.valueOf(Tickets.today(clock)))
			.param("start", Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))))
			.param("end", Timestamp.from(clock.instant().plus(Duration.ofMinutes(10))))
			.param("id", slot)
			.update();
		db.sql("UPDATE appointment SET day = :today WHERE booking_code = :c")
			.param("today", java.sql.Date.valueOf(Tickets.today(clock)))
			.param("c", code)
			.update();
		db.sql("DELETE FROM queue_ticket WHERE hall = :h").param("h", HALL).update();

		// A clerk sets up the kiosk; the citizen checks in there with the booking code.
		browser.visitorOf(serverPort);
		browser.signIn("clerk.ps", "demo12345");
		browser.open("/halls/" + HALL + "/kiosk");
		browser.click("[data-testid=register-kiosk]");
		browser.click("[data-testid=have-appointment]");
		browser.type("#bookingCode", code);
		browser.type("#idLastDigits", "8882");
		browser.click("[data-testid=take-ticket]");
		String number = db.sql("SELECT number FROM queue_ticket WHERE hall = :h AND kind = 'APPOINTMENT'")
			.param("h", HALL)
			.query(String.class)
			.single();
		assertThat(browser.text("main")).contains(number);
		browser.assertAccessible();

		// Called at counter 1 (the appointment in its window comes first) and served. The
		// clerk was signed out when the kiosk was registered.
		browser.signIn("clerk.ps", "demo12345");
		browser.open("/staff/halls/" + HALL + "/counters/1");
		browser.click("[data-testid=call-next]");
		assertThat(browser.text("[data-testid=current-number]")).isEqualTo(number);
		browser.click("[data-testid=complete]");
		assertThat(db.sql("SELECT status FROM appointment WHERE booking_code = :c")
			.param("c", code)
			.query(String.class)
			.single()).isEqualTo("COMPLETED");

		browser.visitorOf(serverPort);
		browser.signIn("li.na", "demo12345");
		browser.open("/appointments");
		assertThat(browser.text("[data-testid=appointments]")).contains(code).contains("已办理");
	}

}
