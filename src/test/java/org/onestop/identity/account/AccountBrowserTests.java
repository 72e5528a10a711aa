package org.onestop.identity.account;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.identity.account.AccountMvc.CodePurposeName.PASSWORD_RESET;
import static org.onestop.identity.account.AccountMvc.CodePurposeName.PHONE_CHANGE;
import static org.onestop.identity.account.AccountMvc.code;

/**
 * The account basics in a real browser, in Chinese and English, at desktop and phone
 * width: every page axe-clean, every refusal beside its field.
 */
class AccountBrowserTests extends BrowserTest {

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient db;

	@Autowired
	MessageSource messages;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aCitizenWhoForgotTheirPasswordSetsANewOneWithTheTextedCode() throws Exception {
		Citizen citizen = accounts.register(residents.aged(55).create());
		browser.open("/sign-in");
		browser.click("[data-testid=forgot]");
		assertThat(browser.path()).isEqualTo("/sign-in/forgot");
		browser.assertAccessible();
		browser.submit();
		assertThat(browser.text("#identifier-error")).contains(zh("identity.reset.identifier.required"));
		browser.assertAccessible();

		browser.type("#identifier", citizen.username());
		browser.submit();
		assertThat(browser.text("[data-testid=code-sent]")).isEqualTo(zh("identity.reset.code-sent"));
		browser.assertAccessible();
		String code = code(db, PASSWORD_RESET, citizen.username());
		browser.type("#code", AccountMvc.wrong(code));
		browser.type("#password", "brand-new-pass-1");
		browser.submit();
		assertThat(browser.text("#code-error")).contains(zh("identity.code.wrong"));
		browser.assertAccessible();

		browser.type("#code", code);
		browser.type("#password", "brand-new-pass-1");
		browser.submit();
		assertThat(browser.path()).isEqualTo("/sign-in/reset-done");
		assertThat(browser.text("h1")).isEqualTo(zh("identity.reset.done.title"));
		browser.assertAccessible();

		browser.signIn(citizen.username(), "brand-new-pass-1");
		assertThat(browser.path()).isEqualTo("/account");
	}

	@Test
	void theAccountPageChangesPasswordAndPhoneAndSignsOutEverywhereInEnglishOnAPhone() throws Exception {
		Citizen citizen = accounts.register(residents.aged(39).create());
		String full = citizen.resident().idNumber().value();
		browser.viewport(390, 844);
		browser.open("/?lang=en");
		browser.signIn(citizen.username(), citizen.password());
		assertThat(browser.path()).isEqualTo("/account");
		assertThat(browser.text("[data-testid=id-number]")).isEqualTo(citizen.resident().idNumber().masked());
		assertThat(browser.find("main").getText()).doesNotContainIgnoringCase(full);
		assertThat(overflows()).as("the account page at 390 px").isFalse();
		browser.assertAccessible();
		browser.click("a[href='/account?show=id-number#registry']");
		assertThat(browser.text("[data-testid=id-number]")).isEqualToIgnoringCase(full);

		browser.open("/account/password");
		browser.type("#currentPassword", "not-the-password");
		browser.type("#password", "another-pass-2");
		browser.submit();
		assertThat(browser.text("#currentPassword-error")).contains(en("identity.password.current.wrong"));
		assertThat(overflows()).as("the password page at 390 px").isFalse();
		browser.assertAccessible();
		browser.type("#currentPassword", citizen.password());
		browser.type("#password", "another-pass-2");
		browser.submit();
		assertThat(browser.path()).isEqualTo("/account#security");
		assertThat(browser.text("[data-testid=account-notice]")).contains(en("identity.password.changed"));

		String phone = PasswordResetIntegrationTests.uniquePhone();
		browser.open("/account/phone");
		browser.assertAccessible();
		browser.type("#currentPassword", "another-pass-2");
		browser.type("#phone", phone);
		browser.submit();
		assertThat(browser.text("[data-testid=code-sent]")).contains(phone.substring(0, 3) + "****");
		browser.assertAccessible();
		browser.type("#code", code(db, PHONE_CHANGE, citizen.username()));
		browser.submit();
		assertThat(browser.text("[data-testid=phone]")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

		browser.click("[data-testid=sign-out-everywhere]");
		assertThat(browser.path()).isEqualTo("/sign-in/signed-out-everywhere");
		assertThat(browser.text("h1")).isEqualTo(en("identity.everywhere.done.title"));
		browser.assertAccessible();
		browser.open("/account");
		assertThat(browser.path()).isEqualTo("/sign-in");
	}

	private boolean overflows() {
		return (Boolean) browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
	}

	private String zh(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	private String en(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

}
