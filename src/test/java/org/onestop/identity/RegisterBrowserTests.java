package org.onestop.identity;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-registration through the pages, in two steps (details, then the texted code and a
 * password): every problem named beside its field, nothing typed lost.
 */
class RegisterBrowserTests extends BrowserTest {

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

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
		// The resident is in the registry under this number; the typed name is someone
		// else's.
		String id = residents.aged(57).create().idNumber().value();
		fillIn("王五", id);
		browser.submit();

		assertThat(browser.text("h1")).isEqualTo(chinese("identity.registration.confirm.title"));
		assertThat(browser.text("[data-testid=code-sent]")).isEqualTo(chinese("identity.registration.code-sent"));
		assertThat(value("#idNumber")).isEqualTo(id);
		assertThat(DemoTexts.registrationCodes(mvc, id)).isEmpty();
	}

	@Test
	void residentRegistersWithTheTextedCodeAndSignsInWithTheirIdNumber() throws Exception {
		// A resident of this test's own; the username is the ID number.
		Resident resident = residents.aged(44).create();
		String id = resident.idNumber().value();
		fillIn(resident.name(), id);
		browser.submit();

		assertThat(browser.text("[data-testid=code-sent]")).isEqualTo(chinese("identity.registration.code-sent"));
		browser.type("#code", "000000".equals(code(id)) ? "111111" : "000000");
		browser.type("#password", "a-long-password");
		browser.submit();

		assertThat(browser.path()).isEqualTo("/register/confirm");
		assertThat(browser.text("#code-error")).contains(chinese("identity.code.wrong"));
		assertThat(value("#idNumber")).isEqualTo(id);

		browser.type("#code", code(id));
		browser.type("#password", "a-long-password");
		browser.submit();

		assertThat(browser.path()).isEqualTo("/sign-in");
		assertThat(browser.text(".govuk-notification-banner")).contains(resident.username());

		browser.signIn(id, "a-long-password");

		assertThat(browser.path()).isEqualTo("/account");
		assertThat(browser.findAll(".govuk-summary-list__value")).extracting(WebElement::getText)
			.contains(resident.name());
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
