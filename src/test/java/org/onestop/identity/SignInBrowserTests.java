package org.onestop.identity;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out through the pages, as citizens and staff do. */
class SignInBrowserTests extends BrowserTest {

	/** The demo accounts' password, as the README lists it. */
	private static final String PASSWORD = "demo12345";

	@Autowired
	MessageSource messages;

	@Test
	void citizenSignsInSeesHerRegistryDetailsAndSignsOut() {
		browser.signIn("li.na", PASSWORD);

		assertThat(browser.path()).isEqualTo("/account");
		assertThat(browser.text("h1")).isEqualTo(chinese("identity.account.title"));
		assertThat(browser.findAll(".govuk-summary-list__value")).extracting(WebElement::getText).contains("李娜");

		browser.click("[data-testid=sign-out]");

		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.findAll("[data-testid=sign-out]")).isEmpty();
		assertThat(browser.findAll("header a[href='/sign-in']")).hasSize(1);
	}

	@Test
	void staffMemberSignsInToTheStaffHomeOfTheirDepartment() {
		browser.signIn("reviewer.civil", PASSWORD);

		assertThat(browser.path()).isEqualTo("/staff");
		assertThat(browser.text(".govuk-caption-l")).isEqualTo("民政局");
		assertThat(browser.text("h1")).isNotBlank();
	}

	@Test
	void wrongPasswordIsExplainedBesideTheFieldAndInTheSummary() {
		// Failed attempts are counted per username for the whole test run: field.civil is
		// no other test's.
		browser.signIn("field.civil", "not-the-password");

		assertThat(browser.path()).startsWith("/sign-in");
		assertThat(browser.text("#username-error")).contains(chinese("identity.sign-in.failed"));
		assertThat(browser.text(".govuk-error-summary a[href='#username']"))
			.isEqualTo(chinese("identity.sign-in.failed"));
		assertThat(browser.find("#username").getDomProperty("value")).isEqualTo("field.civil");
		assertThat(browser.find("#password").getDomProperty("value")).isEmpty();
		// GOV.UK's typeface is for GOV.UK alone; the error summary's links must use ours
		// too.
		assertThat(browser.fetched()).noneMatch(url -> url.contains("/assets/fonts/"));
	}

	@Test
	void signingInLeadsBackToThePageThatAskedForIt() {
		browser.open("/admin/staff");
		assertThat(browser.path()).isEqualTo("/sign-in");

		browser.type("#username", "admin");
		browser.type("#password", PASSWORD);
		browser.submit();

		// Spring Security marks the return with ?continue, so that it looks for the
		// remembered request.
		assertThat(browser.path()).matches("/admin/staff(\\?continue)?");
		assertThat(browser.text("h1")).isEqualTo(chinese("identity.admin.staff.title"));
	}

	@Test
	void afterAWrongPasswordTheRightOneLeadsHome() {
		// The error page once made the browser fetch a GOV.UK font, whose redirect to
		// sign-in was remembered as
		// the page to return to: the person then signed in to "page not found".
		browser.signIn("supervisor.civil", "not-the-password");
		browser.signIn("supervisor.civil", PASSWORD);

		assertThat(browser.path()).isEqualTo("/staff");
	}

	private String chinese(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

}
