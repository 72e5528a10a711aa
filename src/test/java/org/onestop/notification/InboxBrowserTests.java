package org.onestop.notification;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen finds a new message in the inbox, opens it and is taken where it leads; the
 * pages pass axe.
 */
class InboxBrowserTests extends BrowserTest {

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient db;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void openANewMessageAndTheCountGoesDown() {
		UUID id = inbox.send(new Message("zhao.lei", "notification.welcome", List.of("赵磊"), "/account", "WELCOME"));
		browser.signIn("zhao.lei", "demo12345");
		int unread = inbox.unreadCount("zhao.lei");
		assertThat(browser.text("[data-testid=inbox-link]")).isEqualTo("消息（" + unread + "）");

		browser.click("[data-testid=inbox-link]");
		assertThat(browser.path()).isEqualTo("/inbox");
		String message = "form[action='/inbox/" + id + "/open']";
		assertThat(browser.text(message + " .govuk-tag")).isEqualTo("新");
		assertThat(browser.text(message + " button")).isEqualTo("欢迎使用一网通办，赵磊。办件进展会发到这里。");
		browser.assertAccessible();

		browser.click(message + " button");
		assertThat(browser.path()).isEqualTo("/account");
		assertThat(browser.text("[data-testid=inbox-link]")).isEqualTo(unread == 1 ? "消息" : "消息（" + (unread - 1) + "）");

		browser.open("/inbox?lang=en");
		assertThat(browser.findAll(message + " .govuk-tag")).isEmpty();
		browser.assertAccessible();
		if (!browser.findAll("[data-testid=read-all]").isEmpty()) {
			browser.click("[data-testid=read-all]");
		}
		assertThat(browser.text("[data-testid=inbox-link]")).isEqualTo("Inbox");
	}

	@Test
	void anEmptyInboxIsAccessibleToo() {
		// clerk.hr's inbox belongs to this test alone: emptied here, so that the empty
		// state is certain.
		db.sql("DELETE FROM notification WHERE recipient = 'clerk.hr'").update();
		browser.signIn("clerk.hr", "demo12345");
		browser.open("/inbox");

		assertThat(browser.findAll("[data-testid=inbox-empty]")).hasSize(1);
		browser.assertAccessible();
	}

}
