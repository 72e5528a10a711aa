package org.onestop.evaluation.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up pages and the rating pages in a browser: each passes axe, fits a 390 px
 * phone in large text and shows no code or key, in Chinese and in English; each refusal
 * (a reply without text, a promised date in the past, a flag without a reason, a decision
 * without a choice, a verdict given twice) is shown beside its field.
 */
class FollowUpBrowserTests extends BrowserTest {

	private static final String PASSWORD = "demo12345";

	@Autowired
	JdbcClient db;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@LocalServerPort
	int serverPort;

	RatingFixtures ratings;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@BeforeEach
	void setUp() {
		ratings = new RatingFixtures(db, events, transactions, clock);
	}

	@Test
	void theDepartmentContactsAndRepliesWithEachRefusalBesideItsField() {
		UUID rating = ratings.rate("li.na", "CA", 2, true, "DOCUMENTS_ALREADY_HELD");
		String id = ratings.followUp(rating).get(0);
		browser.signIn("handler.civil", PASSWORD);
		browser.open("/staff/follow-ups");
		browser.click("[data-testid=open-" + id + "]");
		assertThat(browser.path()).isEqualTo("/staff/follow-ups/" + id);
		assertThat(browser.text("[data-testid=reasons]")).contains("要求提交政府已掌握的材料");
		audited();

		browser.click("[data-testid=contact-submit]");
		assertThat(browser.text("#contact-note-error")).isNotBlank();
		audited();
		browser.type("#contact-note", "电话联系了申请人，窗口要了户口本复印件。");
		browser.click("[data-testid=contact-submit]");
		assertThat(browser.findAll("[data-testid=done]")).hasSize(1);

		// A reply without text.
		browser.find("label[for='outcome']").click();
		browser.click("[data-testid=reply-submit]");
		assertThat(browser.text("#reply-text-error")).isNotBlank();
		assertThat(browser.find("#outcome").isSelected()).isTrue();
		audited();

		// A promised date in the past.
		browser.find("label[for='outcome-ledger']").click();
		promise(LocalDate.now(clock).minusDays(3));
		browser.type("#reply-text", "户籍信息共享下月接入，接入后不再收户口本。");
		browser.click("[data-testid=reply-submit]");
		assertThat(browser.text("#promised-date-error")).contains("承诺日期须在今天之后");
		assertThat(browser.find("#reply-text").getDomProperty("value")).contains("户籍信息共享");
		audited();

		browser.find("label[for='outcome-ledger']").click();
		promise(LocalDate.now(clock).plusMonths(1));
		browser.click("[data-testid=reply-submit]");
		assertThat(browser.findAll("[data-testid=done]")).hasSize(1);
		assertThat(browser.text("[data-testid=answer]")).contains("户籍信息共享");
		audited();

		browser.open("/staff/follow-ups/ledger");
		assertThat(browser.findAll("[data-testid=open-" + id + "]")).hasSize(1);
		audited();
	}

	@Test
	void aFlagNeedsAReasonAndOnlyTheServicesSupervisorDecidesIt() {
		UUID rating = ratings.rate("li.na", "CA", 1, true);
		String id = ratings.followUp(rating).get(0);
		browser.signIn("handler.civil", PASSWORD);
		browser.open("/staff/follow-ups/" + id);
		browser.find(".govuk-details__summary").click();
		browser.click("[data-testid=flag-submit]");
		assertThat(browser.text("#flag-reason-error")).isNotBlank();
		audited();
		browser.type("#flag-reason", "同一账号一天内对所有事项都打了非常不满意");
		browser.click("[data-testid=flag-submit]");
		assertThat(browser.findAll("[data-testid=flag-state]")).hasSize(1);
		audited();

		browser.visitorOf(serverPort);
		browser.signIn("supervisor.services", PASSWORD);
		browser.open("/staff/rating-flags");
		String flag = db.sql("SELECT id::text FROM rating_flag WHERE rating_id = :r")
			.param("r", rating)
			.query(String.class)
			.single();
		audited();
		browser.click("[data-testid=decide-" + flag + "]");
		assertThat(browser.text("#exclude-" + flag + "-error")).isNotBlank();
		audited();
		browser.find("label[for='exclude-" + flag + "']").click();
		browser.type("#note-" + flag, "经核实为同一账号批量差评");
		browser.click("[data-testid=decide-" + flag + "]");
		assertThat(browser.findAll("[data-testid=done]")).hasSize(1);
		audited();

		browser.visitorOf(serverPort);
		browser.open("/ratings/exclusions");
		assertThat(browser.text("[data-testid=exclusions]")).contains("经核实为同一账号批量差评");
		audited();
	}

	@Test
	void theCitizenSeesTheReplyAndAnswersOnce() {
		UUID rating = ratings.rate("li.na", "CA", 2, true, "DOCUMENTS_ALREADY_HELD");
		String id = ratings.followUp(rating).get(0);
		db.sql("""
				UPDATE follow_up SET status = 'REPLIED', contacted_at = now(), contact_note = '已电话联系',
				    replied_at = now(), reply = '已接入户籍共享，不再收户口本复印件。', rectified = true
				WHERE id = CAST(:id AS uuid)""").param("id", id).update();
		browser.signIn("li.na", PASSWORD);
		browser.open("/ratings/" + rating);
		audited();
		browser.open("/ratings/" + rating + "/follow-up");
		assertThat(browser.text("[data-testid=reply]")).contains("已接入户籍共享");
		audited();
		browser.click("[data-testid=verdict-submit]");
		assertThat(browser.text("#verdict-error")).isNotBlank();
		audited();

		browser.find("label[for='verdict']").click();
		browser.click("[data-testid=verdict-submit]");
		assertThat(browser.findAll("[data-testid=done]")).hasSize(1);
		assertThat(browser.findAll("[data-testid=verdict-form]")).isEmpty();
		// The form as it was before: a second answer is refused beside the field.
		// The page is kept open while the answer is given elsewhere (another tab).
		db.sql("UPDATE follow_up SET citizen_verdict = NULL, verdict_at = NULL, status = 'REPLIED' WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.update();
		browser.open("/ratings/" + rating + "/follow-up");
		db.sql("UPDATE follow_up SET citizen_verdict = 'PUT_RIGHT', verdict_at = now(), status = 'CLOSED' WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.update();
		browser.find("label[for='verdict-not']").click();
		browser.click("[data-testid=verdict-submit]");
		assertThat(browser.text("#verdict-error")).isNotBlank();
		audited();

		browser.open("/ratings");
		audited();
	}

	@Test
	void theAdministratorsAndTheHallsPagesToo() {
		browser.signIn("admin", PASSWORD);
		browser.open("/admin/evaluation/departments");
		audited();
		browser.type("#days-CA", "20");
		browser.click("[data-testid=department-CA] button[type=submit]");
		assertThat(browser.text("#days-CA-error")).isNotBlank();
		audited();

		browser.visitorOf(serverPort);
		browser.signIn("clerk.civil", PASSWORD);
		browser.open("/staff/counter/rating-pad");
		audited();
	}

	/**
	 * The page shown passes axe with no code on screen, in Chinese and in English, and
	 * fits a 390 px phone in large text. The page is opened again for each check, so a
	 * form shown with its errors is checked as it stands first.
	 */
	private void audited() {
		assertThat(browser.findAll("main h1")).as("a page, not an error at " + browser.path()).isNotEmpty();
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();
		String path = browser.path();
		if (path.endsWith("/contact") || path.endsWith("/reply") || path.endsWith("/flag") || path.endsWith("/decision")
				|| path.endsWith("/verdict") || path.matches(".*/departments/\\w+")) {
			// A refused form is checked where it was posted; its page is checked once
			// shown
			// by GET.
			return;
		}
		String bare = path.replaceAll("[?&]lang=[^&]*", "");
		String sep = bare.contains("?") ? "&" : "?";
		browser.screen(390, 844);
		try {
			browser.open(bare + sep + "lang=en");
			largeText(true);
			assertThat(browser.findAll("main h1")).isNotEmpty();
			browser.assertFitsTheScreen();
			browser.assertAccessible();
			browser.assertNoCodesOnScreen();
			browser.open(bare + sep + "lang=zh-CN");
			browser.assertFitsTheScreen();
			browser.assertNoCodesOnScreen();
			largeText(false);
		}
		finally {
			browser.screen(1280, 1000);
		}
	}

	/**
	 * Fills the date field as its picker would: typed keys depend on the browser's
	 * locale.
	 */
	private void promise(LocalDate day) {
		browser.script("document.querySelector('#promised-date').value = arguments[0]", day.toString());
	}

	private void largeText(boolean on) {
		if (browser.findAll("body.onestop-large-text").isEmpty() == on) {
			// Citizens' pages and staff pages name their switch differently.
			browser.click("[data-testid=text-size], [data-testid=staff-text-size]");
		}
		assertThat(browser.findAll("body.onestop-large-text").isEmpty()).isEqualTo(!on);
	}

}
