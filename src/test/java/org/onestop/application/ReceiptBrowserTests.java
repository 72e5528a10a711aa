package org.onestop.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.identity.OneStopUser;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application a clerk filed at a counter, as its citizen finds it: marked in their
 * list and on its page with the hall, counter and clerk by name, with the receipt to
 * print in both layouts; in both languages, on a phone in large text, axe-clean.
 */
class ReceiptBrowserTests extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Submissions submissions;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void theCasePageSaysItWasFiledAtTheCounterAndOffersTheReceipt() throws Exception {
		Citizen citizen = accounts.elder();
		OneStopUser user = new OneStopUser(citizen.username(), citizen.resident().name(), false,
				citizen.resident().idNumber().value(), null, Set.of());
		Application filed = submissions
			.submit(user, UUID.randomUUID().toString(),
					new ApplicationForm("CA-ELD-001", Map.of(), List.of(), null, null),
					new Intake(ContactChannel.COUNTER, "HALL-CITY", "3", "clerk.civil", "刘洋"))
			.application();
		browser.signIn(citizen.username(), citizen.password());

		browser.open("/applications");
		assertThat(browser.text("[data-testid=filed]")).isEqualTo("在 市政务服务中心 3号窗口 由 刘洋 代为提交");
		browser.assertAccessible();
		browser.click("[data-testid=applications] a.govuk-link");

		assertThat(browser.path()).isEqualTo("/applications/" + filed.id());
		assertThat(browser.text("[data-testid=filed]")).isEqualTo("在 市政务服务中心 3号窗口 由 刘洋 代为提交");
		assertThat(browser.text("[data-testid=receipt-a4]")).isEqualTo("打印回执（A4 纸，PDF）");
		assertThat(browser.find("[data-testid=receipt-80mm]").getDomAttribute("href"))
			.isEqualTo("/applications/" + filed.id() + "/receipt.pdf?format=80mm");
		String href = browser.find("[data-testid=receipt-a4]").getDomAttribute("href");
		assertThat(browser
			.script("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('Content-Type'))", href))
			.isEqualTo("200 application/pdf");
		browser.assertAccessible();

		browser.open("/applications/" + filed.id() + "?lang=en");
		assertThat(browser.text("[data-testid=filed]"))
			.isEqualTo("Filed for you at City Government Service Center, Counter 3 by 刘洋");
		assertThat(browser.text("[data-testid=receipt-80mm]")).isEqualTo("Print receipt (80 mm thermal roll, PDF)");
		browser.assertAccessible();

		browser.screen(390, 844);
		browser.click("[data-testid=text-size]");
		browser.open("/applications/" + filed.id() + "?lang=zh-CN");
		browser.assertFitsTheScreen();
		browser.assertAccessible();
	}

}
