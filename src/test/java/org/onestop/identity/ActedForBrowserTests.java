package org.onestop.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.identity.Representation.Kind;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "代办记录" (issue 15) in a real browser: reached from the account page, each action with
 * who did it, when, and a link; paged; in both languages, on a phone and in large text;
 * axe-clean.
 */
class ActedForBrowserTests extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	ActedFor actedFor;

	@Autowired
	TransactionTemplate transactions;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void theGrantorSeesWhatWasDoneForThemByWhomAndWhen() throws Exception {
		Citizen grantor = accounts.elder();
		OneStopUser daughter = new OneStopUser(grantor.username(), grantor.resident().name(), false,
				grantor.resident().idNumber().value(), null, Set.of())
			.actedForBy(new Representation("li.mei", "李梅", "110108198005206023", Kind.MANDATE, UUID.randomUUID(),
					Set.of()));
		UUID application = UUID.randomUUID();
		transactions.executeWithoutResult(t -> {
			for (int i = 0; i < ActedFor.PAGE_SIZE; i++) {
				actedFor.record(daughter, "acting.what.booked", List.of("K7Q2M" + i, "2026-12-08"), "/appointments");
			}
			actedFor.record(daughter, "acting.what.submitted", List.of("CA-ELD-20261205-0001"),
					"/applications/" + application);
		});
		browser.signIn(grantor.username(), grantor.password());
		browser.open("/account");
		browser.click("[data-testid=acted-for-me-link]");

		assertThat(browser.path()).isEqualTo("/account/acted-for-me");
		assertThat(browser.text("h1")).isEqualTo("代办记录");
		List<String> rows = browser.findAll("[data-testid=acted-for-row]").stream().map(e -> e.getText()).toList();
		assertThat(rows).hasSize(ActedFor.PAGE_SIZE);
		assertThat(rows.get(0)).contains("提交了申请 CA-ELD-20261205-0001").contains("李梅（受托人）代办");
		assertThat(browser.find("[data-testid=acted-for-row] a").getDomAttribute("href"))
			.isEqualTo("/applications/" + application);
		browser.assertAccessible();
		browser.click("a[rel=next]");
		assertThat(browser.findAll("[data-testid=acted-for-row]")).hasSize(1);
		browser.assertAccessible();

		browser.open("/account/acted-for-me?lang=en");
		assertThat(browser.text("h1")).isEqualTo("Done on your behalf");
		assertThat(browser.text("[data-testid=acted-for-row]")).contains("Submitted application CA-ELD-20261205-0001")
			.contains("Done by 李梅 (authorised by you)");
		browser.assertAccessible();
		browser.screen(390, 844);
		browser.click("[data-testid=text-size]");
		browser.open("/account/acted-for-me?lang=zh-CN");
		browser.assertFitsTheScreen();
		browser.assertAccessible();
		browser.click("[data-testid=text-size]");
		browser.screen(1280, 1000);
		browser.open("/?lang=zh-CN");
	}

}
