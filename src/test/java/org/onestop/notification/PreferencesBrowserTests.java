package org.onestop.notification;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen opens the notification settings from the account page, turns a channel off,
 * adds and confirms an e-mail address, and sees refusals beside their fields; the page
 * passes axe and fits a 390 px phone in large text, in both languages.
 */
class PreferencesBrowserTests extends BrowserTest {

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient db;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	private String codeSentTo(String email) {
		String body = db.sql("SELECT body FROM notification_outbox WHERE address = :a ORDER BY created_at DESC LIMIT 1")
			.param("a", email)
			.query(String.class)
			.single();
		Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void changeAChoiceAndProveAnEmailAddress() throws Exception {
		Citizen citizen = accounts.register(residents.aged(52).create());
		browser.signIn(citizen.username(), citizen.password());
		browser.open("/account");
		browser.click("[data-testid=notification-settings-link]");
		assertThat(browser.path()).isEqualTo("/account/notifications");
		assertThat(browser.find("#APPOINTMENTS\\.SMS").isSelected()).isTrue();
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.find("label[for='APPOINTMENTS.SMS']").click();
		browser.click("[data-testid=preferences-save]");
		assertThat(browser.findAll("[data-testid=preferences-notice]")).hasSize(1);
		assertThat(browser.find("#APPOINTMENTS\\.SMS").isSelected()).isFalse();

		// Decisions by e-mail alone, with no confirmed address: refused beside the topic.
		browser.find("label[for='DECISIONS.SMS']").click();
		browser.click("[data-testid=preferences-save]");
		assertThat(browser.text("[data-testid=topic-error]")).contains("补正通知");
		browser.assertAccessible();

		browser.type("#email", "not an address");
		browser.click("[data-testid=email-send-code]");
		assertThat(browser.text("#email-error")).contains("name@example.com");
		browser.assertAccessible();

		String email = "b-" + UUID.randomUUID() + "@example.com";
		browser.type("#email", email);
		browser.click("[data-testid=email-send-code]");
		assertThat(browser.text("[data-testid=email-code-sent]")).contains(email);
		assertThat(browser.text("[data-testid=preferences-email]")).contains("未验证");
		browser.type("#code", "12345");
		browser.click("[data-testid=email-confirm]");
		assertThat(browser.text("#code-error")).isNotBlank();
		browser.assertAccessible();

		browser.type("#code", codeSentTo(email));
		browser.click("[data-testid=email-confirm]");
		assertThat(browser.findAll("[data-testid=preferences-notice]")).hasSize(1);
		assertThat(browser.text("[data-testid=preferences-email]")).contains(email).contains("已验证");
	}

	@Test
	void thePageFitsAPhoneInLargeTextInBothLanguages() throws Exception {
		Citizen citizen = accounts.register(residents.aged(68).create());
		browser.signIn(citizen.username(), citizen.password());
		browser.screen(390, 844);
		browser.open("/account/notifications");
		browser.click("[data-testid=text-size]");
		browser.assertFitsTheScreen();
		browser.open("/account/notifications?lang=en");
		browser.assertFitsTheScreen();
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();
	}

	@Test
	void staffReadThatTheirMessagesStayInTheInbox() {
		browser.signIn("clerk.civil", "demo12345");
		browser.open("/staff/notifications");
		assertThat(browser.findAll("[data-testid=staff-inbox-only]")).hasSize(1);
		browser.assertAccessible();
	}

}
