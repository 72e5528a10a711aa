package org.onestop.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.openqa.selenium.support.ui.Select;

/**
 * A complaint's whole way, clicked through in one browser by everyone it passes: the
 * citizen files it, the dispatcher dispatches it, the department replies, the citizen
 * says "not solved", the complaint is back with the same department, which replies again,
 * and the citizen says solved and rates it. axe audits the pages on the way.
 */
class ComplaintJourneyBrowserTests extends BrowserTest {

	private static final String PASSWORD = "demo12345";

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void filedDispatchedRepliedNotSolvedReopenedRepliedSolvedAndRated() {
		String text = "小区门口的烧烤摊每晚十二点后还在营业 " + UUID.randomUUID().toString().substring(0, 8);
		browser.signIn("li.na", PASSWORD);
		browser.open("/complaints/new");
		browser.find("label[for='categoryCode-ENV-NOISE-BUSINESS']").click();
		browser.type("#description", text);
		browser.type("#address", "朝阳区测试街 12 号");
		browser.click("[data-testid=file]");
		assertThat(browser.path()).matches("/complaints/[0-9a-f-]{36}/filed\\?code=.*");
		String id = browser.path().split("/")[2];
		browser.assertAccessible();
		signOut();

		browser.signIn("dispatcher", PASSWORD);
		browser.open("/staff/dispatch/" + id);
		browser.assertAccessible();
		new Select(browser.find("#leadDepartment")).selectByValue("UM");
		browser.click("#dispatch-submit");
		assertThat(browser.path()).startsWith("/staff/dispatch?done=dispatched");
		signOut();

		browser.signIn("handler.um", PASSWORD);
		browser.open("/staff/complaints/" + id);
		browser.click("#accept-submit");
		browser.type("#reply-text", "已约谈摊主，要求晚十点后收摊");
		browser.click("#reply-submit");
		assertThat(browser.find("[data-testid=status]").getAttribute("data-status")).isEqualTo("REPLIED");
		signOut();

		browser.signIn("li.na", PASSWORD);
		browser.open("/complaints/" + id);
		assertThat(browser.findAll("[data-testid=verdict-form]")).hasSize(1);
		browser.assertAccessible();
		browser.find("label[for='solved-no']").click();
		browser.find("label[for='rating-2']").click();
		browser.click("[data-testid=give-verdict]");
		assertThat(browser.text("[data-testid=status]")).isEqualTo("办理中");
		assertThat(browser.text("[data-testid=holder]")).isEqualTo("城市管理委员会");
		signOut();

		browser.signIn("handler.um", PASSWORD);
		browser.open("/staff/complaints");
		assertThat(browser.text("[data-testid=open-" + id + "]")).isNotEmpty();
		browser.open("/staff/complaints/" + id);
		assertThat(browser.find("body").getText()).contains("主管督办");
		browser.type("#reply-text", "已联合街道执法，烧烤摊已搬离");
		browser.click("#reply-submit");
		assertThat(browser.find("[data-testid=status]").getAttribute("data-status")).isEqualTo("REPLIED");
		signOut();

		browser.signIn("li.na", PASSWORD);
		browser.open("/complaints/" + id);
		browser.find("label[for='solved']").click();
		browser.find("label[for='rating-5']").click();
		browser.click("[data-testid=give-verdict]");
		assertThat(browser.text("[data-testid=status]")).isEqualTo("已办结");
		assertThat(browser.text("[data-testid=closure]")).isEqualTo("已解决");
		assertThat(browser.findAll("[data-testid=verdict-form]")).isEmpty();
		browser.assertAccessible();
	}

	private void signOut() {
		browser.click("[data-testid=sign-out]");
	}

}
