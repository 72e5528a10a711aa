package org.onestop.identity;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-registration through the page: every problem named beside its field, nothing typed lost. */
class RegisterBrowserTests extends BrowserTest {

	@Autowired
	MessageSource messages;

	@BeforeEach
	void openTheForm() {
		browser.open("/register");
	}

	@Test
	void emptyFormNamesEveryMissingField() {
		browser.submit();

		assertThat(browser.path()).isEqualTo("/register");
		assertThat(browser.text(".govuk-error-summary__title")).isEqualTo(chinese("form.error-summary"));
		assertThat(browser.findAll(".govuk-error-summary__list a")).extracting(a -> a.getDomAttribute("href"))
			.containsExactlyInAnyOrder("#name", "#idNumber", "#phone", "#password");
		assertThat(browser.findAll(".govuk-error-message")).hasSize(4);
		assertThat(browser.text("#name-error")).contains(chinese("identity.registration.name.required"));
		assertThat(browser.text("#idNumber-error")).contains(chinese("identity.id-number.required"));
		assertThat(browser.text("#phone-error")).contains(chinese("identity.registration.phone.required"));
		assertThat(browser.text("#password-error")).contains(chinese("identity.password.required"));
	}

	@Test
	void typedValuesAreKeptWhenSomethingIsWrong() {
		browser.type("#name", "张三");
		browser.type("#phone", "12345");
		browser.submit();

		assertThat(value("#name")).isEqualTo("张三");
		assertThat(value("#phone")).isEqualTo("12345");
		assertThat(browser.findAll("#name-error")).isEmpty();
		assertThat(browser.text("#phone-error")).contains(chinese("identity.registration.phone.invalid"));
		assertThat(browser.findAll(".govuk-error-summary__list a")).extracting(a -> a.getDomAttribute("href"))
			.containsExactlyInAnyOrder("#idNumber", "#phone", "#password");
	}

	@Test
	void nameThatDiffersFromTheRegistryIsRefused() {
		// 余明 is in the demo registry under this number; the typed name is someone else's.
		fillIn("王五", "110102196907054033");
		browser.submit();

		assertThat(browser.path()).isEqualTo("/register");
		assertThat(browser.text("#name-error")).contains(chinese("identity.registration.name-differs"));
		assertThat(browser.text(".govuk-error-summary a[href='#name']")).isEqualTo(chinese("identity.registration.name-differs"));
		assertThat(value("#idNumber")).isEqualTo("110102196907054033");
	}

	@Test
	void residentRegistersAndSignsInWithTheirIdNumber() {
		// 毛涛 registers nowhere else in the tests (陈晓明 is left to the others); the username is the ID number.
		fillIn("毛涛", "110108198204045971");
		browser.submit();

		assertThat(browser.path()).isEqualTo("/sign-in");
		assertThat(browser.text(".govuk-notification-banner")).contains("110108198204045971");

		browser.signIn("110108198204045971", "a-long-password");

		assertThat(browser.path()).isEqualTo("/account");
		assertThat(browser.findAll(".govuk-summary-list__value")).extracting(WebElement::getText).contains("毛涛");
	}

	private void fillIn(String name, String idNumber) {
		browser.type("#name", name);
		browser.type("#idNumber", idNumber);
		browser.type("#phone", "13561553591");
		browser.type("#password", "a-long-password");
	}

	private String value(String css) {
		return browser.find(css).getDomProperty("value");
	}

	private String chinese(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}
}
