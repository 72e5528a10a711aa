package org.onestop.evaluation.cause;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.evaluation.RatingRows;
import org.onestop.evaluation.SubjectType;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heads' causes page: a head lands on their own department from the staff navigation,
 * reads each matter's causes with links to what produces them, in both languages, without
 * codes but where marked; errors beside the field; a card per cause on a 390 px phone in
 * large text; accessible.
 */
class CausesBrowserTests extends BrowserTest {

	/** A month nobody else writes. */
	static final String PERIOD = "from=2021-01-01&to=2021-01-31";

	@Autowired
	JdbcClient db;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aHeadReadsTheCausesOfTheirDepartmentsBadRatings() {
		RatingRows rows = new RatingRows(db);
		Instant at = Instant.parse("2021-01-12T02:00:00Z");
		for (int i = 0; i < 5; i++) {
			UUID r = rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 1 + i % 2, at, false,
					"DOCUMENTS_ALREADY_HELD");
			if (i < 2) {
				rows.cause(r, "RULE", "precheck-CA-ELD-001:NOT_ELIGIBLE_AGE",
						"{\"label\":\"高龄津贴发给年满70周岁的老年人\",\"matter\":\"CA-ELD-001\"}");
			}
			if (i < 3) {
				rows.cause(r, "WAIT", "HALL-EAST", "{\"minutes\":48}");
			}
		}
		rows.rating(SubjectType.COMPLAINT, "CA", null, null, "HOTLINE", 2, at, false);

		browser.signIn("head.civil", "demo12345");
		browser.click("[data-testid=nav-rating-causes]");
		assertThat(browser.path()).isEqualTo("/staff/ratings/causes");
		assertThat(browser.text("[data-testid=scope]")).contains("民政局");
		assertThat(browser.findAll("#department")).isEmpty();
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.open("/staff/ratings/causes?" + PERIOD);
		String eld = browser.text("[data-testid=matter-CA-ELD-001]");
		assertThat(eld).contains("高龄津贴", "60%", "40%", "100%", "高龄津贴发给年满70周岁的老年人", "等候超过 30 分钟", "要求提交政府已有的材料");
		assertThat(browser.find("[data-testid=matter-CA-ELD-001] a[href='/halls/HALL-EAST']")).isNotNull();
		assertThat(browser.find("[data-testid=matter-CA-ELD-001] a[href='/services/CA-ELD-001']")).isNotNull();
		assertThat(browser.text("[data-testid=matter-none] [data-testid=too-few]")).contains("1");
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.open("/staff/ratings/causes?lang=en&from=2021-13-01");
		assertThat(browser.text(".govuk-error-summary")).contains("Enter a date like 2026-12-01");
		assertThat(browser.text("#from-error")).contains("Enter a date like 2026-12-01");
		browser.assertAccessible();

		browser.screen(390, 844);
		browser.click("[data-testid=staff-text-size]");
		browser.open("/staff/ratings/causes?lang=en&" + PERIOD);
		assertThat(browser.findAll("body.onestop-large-text")).hasSize(1);
		assertThat(browser.text("[data-testid=matter-CA-ELD-001]")).contains("Waited over 30 minutes", "60 %",
				"Citizen chose: asked for documents the government already holds");
		browser.assertFitsTheScreen();
		WebElement card = browser.find("[data-testid=matter-CA-ELD-001] tbody tr");
		assertThat(card.getCssValue("display")).isEqualTo("block");
		assertThat(card.findElements(By.cssSelector("td")).stream().map(td -> td.getDomAttribute("data-label")))
			.contains("Share of the matter's bad ratings");
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();
	}

	@Test
	void anAuditorChoosesADepartment() {
		browser.signIn("auditor", "demo12345");
		browser.open("/staff/ratings/causes?department=PS&" + PERIOD);
		assertThat(browser.text("[data-testid=scope]")).contains("公安局");
		assertThat(browser.findAll("#department")).hasSize(1);
		browser.assertAccessible();
	}

}
