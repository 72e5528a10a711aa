package org.onestop.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages of issue 14 in a real browser: the footer's privacy notice,
 * accessibility statement and contact page, and the hall pages; both languages,
 * axe-clean, and nothing wider than a 390 px phone.
 */
class InformationPagesBrowserTests extends BrowserTest {

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			/privacy,            隐私声明,             Privacy notice
			/accessibility,      无障碍声明,           Accessibility statement
			/contact,            联系我们,             Contact us
			/halls,              政务服务中心,         Service halls
			/halls/HALL-CITY,    市政务服务中心,       City Government Service Center
			""")
	void inBothLanguagesOnDesktopAndPhone(String path, String chinese, String english) {
		browser.viewport(1280, 900);
		browser.open(path + "?lang=zh-CN");
		assertThat(browser.text("h1")).isEqualTo(chinese);
		browser.assertAccessible();
		browser.open(path + "?lang=en");
		assertThat(browser.text("h1")).isEqualTo(english);
		browser.assertAccessible();
		browser.viewport(390, 844);
		browser.open(path);
		assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
		browser.open("/?lang=zh-CN");
		browser.viewport(1280, 900);
	}

	@Test
	void theFooterAndTheMatterPagesLeadToThem() {
		browser.open("/");
		browser.click("[data-testid=footer-links] a[href='/contact']");
		assertThat(browser.path()).isEqualTo("/contact");
		browser.click("[data-testid=contact-halls]");
		assertThat(browser.path()).isEqualTo("/halls");
		browser.click("[data-testid=hall] a[href='/halls/HALL-EAST']");
		assertThat(browser.text("h1")).isEqualTo("东城区政务服务中心");
		assertThat(browser.text("[data-testid=hall-directions]")).contains("地铁5号线");
		assertThat(browser.findAll("[data-testid=hall-hours] .govuk-summary-list__row")).hasSize(7);

		browser.open("/services/PS-ID-001");
		browser.click("a[href='/halls/HALL-CITY']");
		assertThat(browser.text("[data-testid=hall-address]")).isEqualTo("北京市丰台区西三环南路1号");

		browser.click("[data-testid=footer-links] a[href='/privacy']");
		assertThat(browser.find("[data-testid=who-used-my-data]").getDomAttribute("href"))
			.isEqualTo("/account#data-access");
		browser.click("[data-testid=footer-links] a[href='/accessibility']");
		assertThat(browser.text("[data-testid=accessibility-standard]")).contains("WCAG 2.1");
	}

}
