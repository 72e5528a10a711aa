package org.onestop.platform;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The toolbar on every page: the other language, and large text for people who need it.
 */
class ToolbarBrowserTests extends BrowserTest {

	@Autowired
	MessageSource messages;

	@BeforeEach
	void openTheHomePage() {
		browser.open("/");
	}

	@Test
	void englishIsOneClickAwayAndRemembered() {
		assertThat(browser.lang()).isEqualTo("zh-CN");

		browser.clickLink("English");

		assertThat(browser.lang()).isEqualTo("en");
		assertThat(browser.text("h1")).isEqualTo(english("home.title"));

		browser.open("/sign-in");

		assertThat(browser.lang()).isEqualTo("en");
		assertThat(browser.text("h1")).isEqualTo(english("identity.sign-in.title"));
	}

	@Test
	void largeTextIsRememberedUntilTurnedOff() {
		double standard = browser.fontSize(".govuk-body");
		assertThat(browser.findAll("body.onestop-large-text")).isEmpty();

		browser.click("[data-testid=text-size]");

		assertThat(browser.findAll("body.onestop-large-text")).hasSize(1);
		assertThat(browser.fontSize(".govuk-body")).isGreaterThanOrEqualTo(24);
		// The button says what it does next; a pressed state as well would contradict it
		// ("Standard text, pressed").
		assertThat(browser.text("[data-testid=text-size]")).isEqualTo(chinese("layout.standard-text"));
		assertThat(browser.find("[data-testid=text-size]").getDomAttribute("aria-pressed")).isNull();

		browser.open("/sign-in");

		assertThat(browser.findAll("body.onestop-large-text")).hasSize(1);
		assertThat(browser.fontSize(".govuk-body")).isGreaterThanOrEqualTo(24);

		browser.click("[data-testid=text-size]");

		assertThat(browser.path()).isEqualTo("/sign-in");
		assertThat(browser.findAll("body.onestop-large-text")).isEmpty();
		assertThat(browser.fontSize(".govuk-body")).isEqualTo(standard);
		assertThat(browser.text("[data-testid=text-size]")).isEqualTo(chinese("layout.large-text"));
	}

	private String chinese(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	private String english(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

}
