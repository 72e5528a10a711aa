package org.onestop.application;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.testdata.Accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen applies in the browser and staff decide in the browser: one supplement round
 * then approval, and a repeated rejection that a supervisor overturns with a recorded
 * adjustment.
 */
class ApplicationBrowserTests extends BrowserTest {

	private static final String ELD = "CA-ELD-001";

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int serverPort;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	/** A new elder with a citizen account; returns the username. */
	private String newElder() throws Exception {
		return accounts.elder().username();
	}

	private void as(String username, String password) {
		browser.visitorOf(serverPort);
		browser.signIn(username, password);
	}

	/**
	 * Applies for the elderly allowance with what the registries hold, and returns the
	 * application's id.
	 */
	private String apply(String citizen, boolean audit) {
		as(citizen, "long-enough-1");
		browser.open("/services/" + ELD + "/apply");
		assertThat(browser.findAll("[data-testid=prefilled] .govuk-summary-list__row")).hasSize(6);
		assertThat(browser.text("[data-testid=prefilled]")).contains("内容有误");
		if (audit) {
			browser.assertAccessible();
		}
		browser.click("[data-testid=submit]");
		assertThat(browser.path()).startsWith("/applications/").endsWith("?submitted");
		String path = browser.path();
		return path.substring("/applications/".length(), path.indexOf('?'));
	}

	private String statusOf(String citizen, String id) {
		as(citizen, "long-enough-1");
		browser.open("/applications/" + id);
		return browser.find("[data-testid=status]").getDomAttribute("data-status");
	}

	/**
	 * Opens the application's task from the inbox and decides it with the given form
	 * values.
	 */
	private void decide(String staff, String id, String outcome, String... fieldsAndValues) {
		as(staff, "demo12345");
		openTaskOf(id);
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			browser.type("#" + outcome + "-" + fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		browser.click("[data-testid=outcome-" + outcome + "]");
		assertThat(browser.path()).isEqualTo("/staff/tasks?done");
	}

	/** Pages through the inbox, oldest first, to the application's task, and opens it. */
	private void openTaskOf(String id) {
		browser.open("/staff/tasks");
		while (browser.findAll("tr[data-application='" + id + "'] a").isEmpty()) {
			browser.click("a[rel=next]");
		}
		browser.click("tr[data-application='" + id + "'] a");
	}

	private void reject(String id) {
		decide("reviewer.civil", id, "REJECT", "reason", "户籍登记未满一年", "legalBasis", "《高龄津贴发放办法》第三条", "remedy",
				"户籍满一年后可再次申请");
	}

	@Test
	void aSupplementRoundThenApproval() throws Exception {
		String citizen = newElder();
		String id = apply(citizen, true);
		assertThat(browser.find("[data-testid=status]").getDomAttribute("data-status")).isEqualTo("IN_REVIEW");
		browser.assertAccessible();

		as("reviewer.civil", "demo12345");
		browser.open("/staff/tasks");
		browser.assertAccessible();
		openTaskOf(id);
		browser.assertAccessible();
		browser.type("#REQUEST_SUPPLEMENT-items", "银行账号\n近期照片");
		browser.click("[data-testid=outcome-REQUEST_SUPPLEMENT]");
		assertThat(browser.path()).isEqualTo("/staff/tasks?done");

		assertThat(statusOf(citizen, id)).isEqualTo("AWAITING_CITIZEN");
		assertThat(browser.text("[data-testid=open-request]")).contains("银行账号", "近期照片");
		assertThat(browser.findAll("[data-testid=clock-stopped]")).hasSize(1);
		browser.assertAccessible();
		browser.type("#bankAccount", "6222020200112233445");
		browser.type("#note", "照片已在窗口拍摄");
		browser.click("[data-testid=answer]");
		assertThat(browser.find("[data-testid=status]").getDomAttribute("data-status")).isEqualTo("IN_REVIEW");

		decide("reviewer.civil", id, "APPROVE");
		assertThat(statusOf(citizen, id)).isEqualTo("APPROVED");
		// Approval and the certificate are one workflow step, so an approved case page
		// always offers it.
		assertThat(browser.findAll("[data-testid=certificate]")).as("the certificate link").hasSize(1);
		assertThat(browser.find("[data-testid=certificate]").getDomAttribute("href"))
			.isEqualTo("/applications/" + id + "/certificate.pdf");
	}

	@Test
	void aSecondRejectionIsOverturnedByASupervisorWithAnAdjustment() throws Exception {
		String citizen = newElder();
		String first = apply(citizen, false);
		reject(first);
		assertThat(statusOf(citizen, first)).isEqualTo("REJECTED");
		assertThat(browser.text("main")).contains("《高龄津贴发放办法》第三条", "户籍满一年后可再次申请");

		String second = apply(citizen, false);
		assertThat(second).isNotEqualTo(first);
		reject(second);
		assertThat(statusOf(citizen, second)).isEqualTo("SUPERVISOR_REVIEW");

		decide("supervisor.civil", second, "APPROVE_WITH_ADJUSTMENT", "adjustedRule", "户籍满一年", "justification",
				"因拆迁迁出又迁回，实际居住已满二十年");
		browser.open("/staff/discretion-log");
		assertThat(browser.findAll("[data-testid=discretion-log] tr[data-application='" + second + "']")).hasSize(1);
		assertThat(statusOf(citizen, second)).isEqualTo("APPROVED");
	}

}
