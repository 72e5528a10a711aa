package org.onestop.notification;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator finds a message in the outbox viewer by its recipient and status and
 * opens it to read exactly what would have been sent; the pages pass axe and fit a phone.
 */
class OutboxViewerBrowserTests extends BrowserTest {

	@Autowired
	OutboxStore outbox;

	@Autowired
	JdbcClient db;

	OutboxRows rows;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@AfterEach
	void removeRows() {
		if (rows != null) {
			rows.removeAll();
		}
	}

	@Test
	void filterTheOutboxAndOpenAMessage() {
		rows = new OutboxRows(outbox, db);
		String address = "b" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		UUID waiting = rows.mail(address, false);
		UUID demo = rows.add(Channel.EMAIL, address,
				new Rendered("Your application is approved", "Your application for Old-age allowance is approved.",
						"<p>Your application is <b>approved</b>.</p>", null, Map.of()),
				false);
		db.sql("UPDATE notification_outbox SET status = 'NOT_CONFIGURED', attempts = 1 WHERE id = :id")
			.param("id", demo)
			.update();

		browser.signIn("admin", "demo12345");
		browser.click("[data-testid=nav-outbox]");
		assertThat(browser.path()).isEqualTo("/admin/outbox");
		assertThat(browser.text("[data-testid=outbox-not-configured]")).contains("未实际发送（演示）");
		browser.type("#recipient", address);
		browser.script("document.getElementById('status').value = 'NOT_CONFIGURED'");
		browser.click("[data-testid=outbox-filter]");
		assertThat(browser.findAll("[data-testid=outbox-row]")).hasSize(1);
		assertThat(browser.text("[data-testid=outbox-row]")).contains("b***@example.com").contains("未实际发送（演示）");
		browser.assertAccessible();

		browser.click("[data-testid=outbox-open]");
		assertThat(browser.path()).isEqualTo("/admin/outbox/" + demo);
		assertThat(browser.text("[data-testid=outbox-message-subject]")).isEqualTo("Your application is approved");
		assertThat(browser.text("[data-testid=outbox-message-body]"))
			.isEqualTo("Your application for Old-age allowance is approved.");
		assertThat(browser.findAll("[data-testid=outbox-message-not-sent]")).hasSize(1);
		browser.assertAccessible();

		browser.screen(390, 844);
		browser.open("/admin/outbox/" + waiting + "?lang=en");
		assertThat(browser.text("[data-testid=outbox-message-status]")).isEqualTo("Waiting to be sent");
		browser.assertNothingWiderThanTheViewport();
		browser.open("/admin/outbox?recipient=" + address + "&lang=en");
		assertThat(browser.findAll("[data-testid=outbox-row]")).hasSize(2);
		browser.assertNothingWiderThanTheViewport();
		browser.assertAccessible();
	}

}
