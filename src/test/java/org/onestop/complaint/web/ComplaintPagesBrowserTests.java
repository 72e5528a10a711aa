package org.onestop.complaint.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.complaint.Complaints;
import org.onestop.complaint.Dispatch;
import org.onestop.complaint.Handling;
import org.onestop.complaint.Intake;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint pages on a phone 390 CSS pixels wide: an anonymous reporter files and
 * opens the private link; a signed-in citizen is asked "is this what you are reporting?",
 * files anyway, and later says "not solved". Every page is audited with axe-core and must
 * not scroll sideways.
 */
class ComplaintPagesBrowserTests extends BrowserTest {

	private static final int PHONE = 390;

	@Autowired
	Complaints complaints;

	@Autowired
	Dispatch dispatch;

	@Autowired
	Handling handling;

	@Override
	protected Browser startBrowser() {
		Browser browser = Browser.startWithAxe();
		browser.viewport(PHONE, 844);
		return browser;
	}

	@Test
	void anAnonymousReporterFilesOnAPhoneAndOpensThePrivateLink() {
		browser.open("/complaints/new");
		fitsThePhone();
		browser.assertAccessible();
		browser.click("[data-testid=file]");
		assertThat(browser.findAll(".govuk-error-summary a[href='#categoryCode']")).hasSize(1);
		fitsThePhone();
		browser.assertAccessible();

		browser.find("label[for='categoryCode-ENV-NOISE-BUSINESS']").click();
		browser.type("#description", "夜里两点 KTV 还在外放，整条街都听得见");
		browser.type("#address", "海淀区测试街 9 号");
		browser.click("[data-testid=file]");

		assertThat(browser.path()).matches("/complaints/[0-9a-f-]{36}/filed\\?code=.*");
		String code = browser.text("[data-testid=tracking-code]");
		assertThat(code).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
		assertThat(browser.text("[data-testid=private-link]")).endsWith("?code=" + code);
		fitsThePhone();
		browser.assertAccessible();

		browser.click("[data-testid=private-link]");
		assertThat(browser.path()).endsWith("?code=" + code);
		assertThat(browser.text("[data-testid=description]")).isEqualTo("夜里两点 KTV 还在外放，整条街都听得见");
		assertThat(browser.text("[data-testid=status]")).isEqualTo("待派单");
		fitsThePhone();
		browser.assertAccessible();
	}

	@Test
	void aCitizenIsAskedAboutANearbyComplaintAndLaterSaysNotSolved() {
		complaints.file(null,
				Intake.web("ENV-NOISE-BUSINESS", "酒吧门口音箱太响", "丰台区测试路 3 号", 39.8001, 116.2001, List.of(), null, null));
		browser.signIn("zhao.lei", "demo12345");
		browser.open("/complaints/new");
		browser.find("label[for='categoryCode-ENV-NOISE-BUSINESS']").click();
		browser.type("#description", "测试路的酒吧每晚外放音乐");
		browser.type("#latitude", "39.8002");
		browser.type("#longitude", "116.2001");
		browser.click("[data-testid=file]");

		assertThat(browser.text("[data-testid=nearby]")).contains("这是您要反映的问题吗？", "丰台区测试路 3 号");
		fitsThePhone();
		browser.assertAccessible();
		browser.click("[data-testid=file-new]");
		assertThat(browser.path()).matches("/complaints/[0-9a-f-]{36}/filed\\?code=.*");
		UUID id = UUID.fromString(browser.path().split("/")[2]);

		OneStopUser dispatcher = new OneStopUser("dispatcher", "调度员", true, null, "DC", Set.of(Role.DISPATCHER));
		OneStopUser handler = new OneStopUser("handler.um", "承办人", true, null, "UM", Set.of(Role.COMPLAINT_HANDLER));
		dispatch.dispatch(dispatcher, id, "UM", List.of(), Locale.CHINA);
		handling.reply(handler, id, "已约谈酒吧经营者，晚十点后不外放", List.of(), Locale.CHINA);

		browser.open("/complaints");
		fitsThePhone();
		browser.assertAccessible();
		browser.click("[data-testid='complaint-" + id + "'] a");
		assertThat(browser.findAll("[data-testid=verdict-form]")).hasSize(1);
		fitsThePhone();
		browser.assertAccessible();
		browser.click("[data-testid=give-verdict]");
		assertThat(browser.findAll(".govuk-error-summary a[href='#solved']")).hasSize(1);
		browser.assertAccessible();
		browser.find("label[for='solved-no']").click();
		browser.find("label[for='rating-2']").click();
		browser.click("[data-testid=give-verdict]");
		assertThat(browser.text("[data-testid=banner]")).contains("谢谢");
		assertThat(browser.text("[data-testid=status]")).isEqualTo("办理中");
		assertThat(browser.text("[data-testid=holder]")).isEqualTo("城市管理委员会");
		browser.assertAccessible();
	}

	/** Nothing on the page is wider than the phone: no sideways scrolling. */
	private void fitsThePhone() {
		Object width = browser.script("return document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).as("page width on " + browser.path()).isLessThanOrEqualTo(PHONE);
	}

}
