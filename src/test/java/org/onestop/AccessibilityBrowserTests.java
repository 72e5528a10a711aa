package org.onestop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page people use, in each state they meet it in, against axe-core's WCAG 2.1 A and
 * AA rules. A public service must be usable by everyone, including with a screen reader
 * or large text.
 */
class AccessibilityBrowserTests extends BrowserTest {

	private static final String PASSWORD = "demo12345";

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void homeInChinese() {
		browser.open("/");

		assertThat(browser.lang()).isEqualTo("zh-CN");
		browser.assertAccessible();
	}

	@Test
	void homeInEnglish() {
		browser.open("/?lang=en");

		assertThat(browser.lang()).isEqualTo("en");
		browser.assertAccessible();
	}

	@Test
	void homeInLargeText() {
		browser.open("/");
		browser.click("[data-testid=text-size]");

		assertThat(browser.findAll("body.onestop-large-text")).hasSize(1);
		browser.assertAccessible();
	}

	@Test
	void signIn() {
		browser.open("/sign-in");

		browser.assertAccessible();
	}

	@Test
	void signInWithAnError() {
		// A username no other test signs in with, so the failed-attempt counter troubles
		// nobody.
		browser.signIn("nobody.audited", "wrong-password");

		assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
		browser.assertAccessible();
	}

	@Test
	void register() {
		browser.open("/register");

		browser.assertAccessible();
	}

	@Test
	void registerWithErrors() {
		browser.open("/register");
		browser.submit();

		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		browser.assertAccessible();
	}

	@Test
	void registerConfirmWithErrors() {
		browser.open("/register/confirm");
		browser.submit();

		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		browser.assertAccessible();
	}

	@Test
	void unlockSignIn() {
		browser.open("/sign-in/unlock");

		browser.assertAccessible();
	}

	@Test
	void citizenAccount() {
		browser.signIn("li.na", PASSWORD);

		assertThat(browser.path()).isEqualTo("/account");
		browser.assertAccessible();
	}

	@Test
	void staffHome() {
		browser.signIn("reviewer.civil", PASSWORD);

		assertThat(browser.path()).isEqualTo("/staff");
		browser.assertAccessible();
	}

	@Test
	void adminStaffPage() {
		browser.signIn("admin", PASSWORD);
		browser.open("/admin/staff");

		assertThat(browser.path()).isEqualTo("/admin/staff");
		browser.assertAccessible();
	}

	@Test
	void searchResults() {
		browser.open("/services?q=身份证");
		browser.assertAccessible();
	}

	@Test
	void searchResultsInLargeText() {
		browser.open("/services?q=ID+card&lang=en");
		browser.click("[data-testid=text-size]");
		browser.assertAccessible();
	}

	@Test
	void browseByDepartment() {
		browser.open("/services?department=CA");
		browser.assertAccessible();
	}

	@Test
	void matterPages() {
		for (String code : new String[] { "PS-ID-001", "CA-MAR-001", "CA-ELD-001" }) {
			browser.open("/services/" + code);
			browser.assertAccessible();
		}
	}

	@Test
	void lifeEventPage() {
		browser.open("/life-events/baby");
		browser.assertAccessible();
	}

	@Test
	void noticesAndAnArticle() {
		browser.open("/notices");
		browser.assertAccessible();
		browser.click(".onestop-result a");
		browser.assertAccessible();
	}

	@Test
	void catalogEditorPages() {
		browser.signIn("editor", PASSWORD);
		browser.open("/admin/catalog");
		browser.assertAccessible();
		browser.open("/admin/catalog/PS-ID-001");
		browser.assertAccessible();
		browser.open("/admin/catalog/new");
		browser.type("#code", "bad");
		browser.submit();
		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		browser.assertAccessible();
	}

	@Test
	void noticeEditorPages() {
		browser.signIn("editor", PASSWORD);
		browser.open("/admin/notices");
		browser.assertAccessible();
		browser.open("/admin/notices/new");
		browser.submit();
		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		browser.assertAccessible();
	}

	@Test
	void assistantPages() {
		browser.open("/assistant");
		browser.assertAccessible();
		browser.type("#text", "身份证丢了怎么补办");
		browser.click("[data-testid=send]");
		assertThat(browser.findAll("[data-testid=line-assistant]")).isNotEmpty();
		browser.assertAccessible();
		browser.click("[data-testid=helpful-yes]");
		assertThat(browser.findAll("[data-testid=rated]")).hasSize(1);
		browser.assertAccessible();
	}

	@Test
	void assistantInEnglishAndLargeText() {
		browser.open("/assistant?lang=en");
		browser.click("[data-testid=text-size]");
		browser.type("#text", "I lost my ID card");
		browser.click("[data-testid=send]");
		assertThat(browser.lang()).isEqualTo("en");
		browser.assertAccessible();
	}

	@Test
	void agentConsoleAndDashboard() {
		browser.signIn("agent.hotline2", PASSWORD);
		browser.open("/staff/agent");
		browser.assertAccessible();
		browser.open("/staff/agent/calls");
		browser.click("[data-testid=log-call-submit]");
		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		browser.assertAccessible();
		browser.open("/staff/agent/metrics");
		assertThat(browser.findAll("[data-testid=metrics]")).hasSize(1);
		browser.assertAccessible();
	}

	@Test
	void theAuditNoticesABrokenPage() {
		// Guards the guard: zero violations must mean a clean page, not an audit that
		// never ran.
		browser.open("/");
		browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')");

		assertThat(browser.audit()).extracting(Browser.Violation::id).contains("image-alt");
	}

}
