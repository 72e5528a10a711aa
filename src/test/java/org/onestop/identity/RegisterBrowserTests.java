package org.onestop.identity;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-registration through the pages, in two steps (details, then the texted code and a password): every problem
 * named beside its field, nothing typed lost.
 */
class RegisterBrowserTests extends BrowserTest {

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

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
			.containsExactlyInAnyOrder("#name", "#idNumber");
		assertThat(browser.findAll(".govuk-error-message")).hasSize(2);
		assertThat(browser.text("#name-error")).contains(chinese("identity.registration.name.required"));
		assertThat(browser.text("#idNumber-error")).contains(chinese("identity.id-number.required"));
	}

	@Test
	void typedValuesAreKeptWhenSomethingIsWrong() {
		browser.type("#name", "张三");
		browser.type("#idNumber", "110101199003071234");
		browser.submit();

		assertThat(value("#name")).isEqualTo("张三");
		assertThat(value("#idNumber")).isEqualTo("110101199003071234");
		assertThat(browser.findAll("#name-error")).isEmpty();
		assertThat(browser.text("#idNumber-error")).contains(chinese("identity.id-number.check-digit"));
	}

	@Test
	void detailsThatDifferFromTheRegistryGetTheSameAnswerAndNoCode() throws Exception {
		// 余明 is in the demo registry under this number; the typed name is someone else's.
		fillIn("王五", "110102196907054033");
		browser.submit();

		assertThat(browser.text("h1")).isEqualTo(chinese("identity.registration.confirm.title"));
		assertThat(browser.text("[data-testid=code-sent]")).isEqualTo(chinese("identity.registration.code-sent"));
		assertThat(value("#idNumber")).isEqualTo("110102196907054033");
		assertThat(DemoTexts.registrationCodes(mvc, "110102196907054033")).isEmpty();
	}

	@Test
	void residentRegistersWithTheTextedCodeAndSignsInWithTheirIdNumber() throws Exception {
		// 毛涛 registers nowhere else in the tests (陈晓明 is left to the others); the username is the ID number.
		fillIn("毛涛", "110108198204045971");
		browser.submit();

		assertThat(browser.text("[data-testid=code-sent]")).isEqualTo(chinese("identity.registration.code-sent"));
		browser.type("#code", "000000".equals(code("110108198204045971")) ? "111111" : "000000");
		browser.type("#password", "a-long-password");
		browser.submit();

		assertThat(browser.path()).isEqualTo("/register/confirm");
		assertThat(browser.text("#code-error")).contains(chinese("identity.code.wrong"));
		assertThat(value("#idNumber")).isEqualTo("110108198204045971");

		browser.type("#code", code("110108198204045971"));
		browser.type("#password", "a-long-password");
		browser.submit();

		assertThat(browser.path()).isEqualTo("/sign-in");
		assertThat(browser.text(".govuk-notification-banner")).contains("110108198204045971");

		browser.signIn("110108198204045971", "a-long-password");

		assertThat(browser.path()).isEqualTo("/account");
		assertThat(browser.findAll(".govuk-summary-list__value")).extracting(WebElement::getText).contains("毛涛");
	}

	private String code(String idNumber) throws Exception {
		return DemoTexts.registrationCodes(mvc, idNumber).get(0);
	}

	private void fillIn(String name, String idNumber) {
		browser.type("#name", name);
		browser.type("#idNumber", idNumber);
	}

	private String value(String css) {
		return browser.find(css).getDomProperty("value");
	}

	private String chinese(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}
}
