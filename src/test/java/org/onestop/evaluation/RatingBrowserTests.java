package org.onestop.evaluation;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen rates a decided application 不满意 because they were asked for documents the
 * government already holds, after the form refused a rating with no level beside the
 * field; the rating page promises the department's call. The form passes axe and fits a
 * 390 px phone in large text, in both languages; the hall's pad passes axe too.
 */
class RatingBrowserTests extends BrowserTest {

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient db;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	private FinishedServices services() {
		return new FinishedServices(db, events, transactions, clock);
	}

	@Test
	void aCitizenRatesADecidedApplicationDissatisfiedWithAReason() throws Exception {
		Citizen citizen = accounts.register(residents.aged(47).create());
		String subject = services().decidedApplication(citizen.username());
		browser.signIn(citizen.username(), citizen.password());
		browser.open("/ratings");
		browser.click("[data-testid=pending] a");
		assertThat(browser.path()).startsWith("/ratings/new");
		assertThat(browser.find("[data-testid=rating-form] input[name=subject]").getDomProperty("value"))
			.isEqualTo(subject);
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.click("[data-testid=rating-submit]");
		assertThat(browser.text("#level-error")).contains("满意程度");
		browser.assertAccessible();

		browser.find("label[for='level-2']").click();
		browser.find("label[for='reason-DOCUMENTS_ALREADY_HELD']").click();
		browser.type("#comment", "户口本的信息政府已经有了，还要我复印。");
		browser.click("[data-testid=rating-submit]");
		assertThat(browser.path()).startsWith("/ratings/");
		assertThat(browser.text("[data-testid=rating-level]")).isEqualTo("不满意");
		assertThat(browser.text("[data-testid=rating]")).contains("要求提交政府已掌握的材料");
		assertThat(browser.findAll("[data-testid=follow-up-promise]")).hasSize(1);
		assertThat(browser.findAll("[data-testid=rating-change]")).hasSize(1);
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.open("/ratings");
		assertThat(browser.findAll("[data-testid=ratings] tbody tr")).hasSize(1);
		browser.assertAccessible();
	}

	@Test
	void theFormFitsAPhoneInLargeTextInBothLanguagesWithErrorsBesideTheField() throws Exception {
		Citizen citizen = accounts.register(residents.aged(71).create());
		String subject = services().decidedApplication(citizen.username());
		browser.signIn(citizen.username(), citizen.password());
		browser.screen(390, 844);
		browser.open("/ratings/new?subject=" + subject);
		browser.click("[data-testid=text-size]");
		browser.assertFitsTheScreen();
		browser.open("/ratings/new?subject=" + subject + "&lang=en");
		browser.assertFitsTheScreen();
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.find("label[for='level-1']").click();
		browser.find("label[for='reason-QUICK']").click();
		browser.click("[data-testid=rating-submit]");
		assertThat(browser.text("#reasons-error")).contains("Satisfied");
		browser.assertFitsTheScreen();
		browser.assertAccessible();
	}

	@Test
	void anotherCitizensServiceAnswersNotFound() throws Exception {
		Citizen owner = accounts.register(residents.aged(39).create());
		String subject = services().decidedApplication(owner.username());
		Citizen other = accounts.register(residents.aged(40).create());
		browser.signIn(other.username(), other.password());
		browser.open("/ratings/new?subject=" + subject);
		assertThat(browser.findAll("[data-testid=rating-form]")).isEmpty();
		browser.assertAccessible();
	}

	@Test
	void theHallsPadTakesOneTouch() {
		services().completedTicket(null, null, FinishedServices.CLERK);
		browser.signIn("clerk.civil", "demo12345");
		browser.screen(390, 844);
		browser.open("/staff/counter/rating-pad");
		assertThat(browser.findAll("[data-testid=pad-anonymous]")).hasSize(1);
		browser.assertAccessible();
		browser.assertFitsTheScreen();
		browser.click("[data-testid=pad-level-4]");
		assertThat(browser.findAll("[data-testid=pad-thanks]")).hasSize(1);
		browser.assertAccessible();
	}

}
