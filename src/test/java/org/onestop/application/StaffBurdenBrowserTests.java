package org.onestop.application;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The burden page per channel: names, not codes, in both languages; the department head
 * sees their department, an administrator chooses; the tables turn into cards on a phone,
 * in large text too; accessible.
 */
class StaffBurdenBrowserTests extends BrowserTest {

	@LocalServerPort
	int serverPort;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aDepartmentHeadReadsTheirDepartmentsFiguresPerChannel() {
		browser.signIn("head.civil", "demo12345");
		browser.click("[data-testid=nav-burden]");
		assertThat(browser.path()).isEqualTo("/staff/burden");
		assertThat(browser.text("[data-testid=scope]")).contains("民政局");
		String table = browser.text("[data-testid=applications]");
		assertThat(table).contains("网上（手机）", "窗口", "12345 热线", "代办", "线上合计", "线下合计", "总计")
			.doesNotContain("MOBILE_WEB", "COUNTER");
		assertThat(browser.text("[data-testid=other-work]")).contains("预约", "取号", "诉求").doesNotContain("咨询对话");
		assertThat(browser.findAll("#department")).isEmpty();
		browser.assertAccessible();

		browser.open("/staff/burden?lang=en&from=2026-13-01");
		assertThat(browser.text(".govuk-error-summary")).contains("Enter a date like 2026-12-01");
		assertThat(browser.text("[data-testid=applications]")).contains("Online (phone)", "At a counter",
				"Offline in all");
		browser.assertAccessible();

		browser.screen(390, 844);
		browser.click("[data-testid=staff-text-size]");
		browser.open("/staff/burden?lang=en");
		assertThat(browser.findAll("body.onestop-large-text")).hasSize(1);
		browser.assertFitsTheScreen();
		// A card per channel: each figure says what it is.
		WebElement card = browser.find("[data-testid=applications] tbody tr");
		assertThat(card.getCssValue("display")).isEqualTo("block");
		assertThat(card.findElements(By.cssSelector("td")).stream().map(td -> td.getDomAttribute("data-label")))
			.contains("Applications", "Fields typed");
		browser.assertAccessible();
	}

	@Test
	void anAdministratorChoosesTheWholeCityOrADepartment() {
		browser.signIn("admin", "demo12345");
		browser.open("/staff/burden");
		assertThat(browser.text("[data-testid=scope]")).contains("全市");
		assertThat(browser.text("[data-testid=other-work]")).contains("咨询对话");
		browser.script("document.getElementById('department').value = 'PS'");
		browser.submit();
		assertThat(browser.text("[data-testid=scope]")).contains("公安局");
		assertThat(browser.findAll("[data-testid=no-conversations]")).hasSize(1);
		browser.assertAccessible();
	}

}
