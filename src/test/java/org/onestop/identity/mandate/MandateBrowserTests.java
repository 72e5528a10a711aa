package org.onestop.identity.mandate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.identity.OneStopUser;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mandates page in a real browser: grant, act for, the banner on every page, back to
 * oneself, refused after the grantor revokes; and the counter's page for recording a
 * mandate. Every page axe-clean.
 */
class MandateBrowserTests extends BrowserTest {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	Mandates mandates;

	@Autowired
	JdbcClient db;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aMotherGrantsHerDaughterActsForHerAndIsRefusedOnceRevoked() throws Exception {
		Citizen mother = accounts.register(residents.aged(82).create());
		Citizen daughter = accounts.register(residents.aged(52).create());

		browser.signIn(mother.username(), mother.password());
		browser.clickLink(zh("mandate.page.title"));
		assertThat(browser.path()).isEqualTo("/account/mandates");
		browser.assertAccessible();
		browser.submit();
		assertThat(browser.text("#representativeIdNumber-error")).contains(zh("mandate.representative.id-number"));
		assertThat(browser.text("#until-error")).contains(zh("mandate.until.required"));
		browser.assertAccessible();

		browser.type("#representativeIdNumber", daughter.resident().idNumber().value());
		browser.type("#representativeName", daughter.resident().name());
		browser.script("document.getElementById('until').value = arguments[0];", today().plusMonths(6).toString());
		browser.submit();
		assertThat(browser.text("[data-testid=mandate-notice]")).contains(zh("mandate.page.notice.granted"));
		assertThat(browser.text("[data-testid=given]")).contains(daughter.resident().name())
			.contains(zh("mandate.status.ACTIVE"));
		browser.assertAccessible();
		browser.click("[data-testid=sign-out]");

		browser.signIn(daughter.username(), daughter.password());
		browser.open("/account/mandates?lang=en");
		assertThat(browser.text("[data-testid=act-for]")).contains(mother.resident().name());
		browser.assertAccessible();
		browser.click("[data-testid=act-for-button]");
		assertThat(browser.path()).isEqualTo("/applications");
		assertThat(browser.text("[data-testid=acting-banner]"))
			.contains(en("mandate.banner.text", mother.resident().name()));
		browser.assertAccessible();
		browser.open("/account/password");
		assertThat(browser.text("h1")).isEqualTo(en("problem.title.403"));
		assertThat(browser.findAll("[data-testid=acting-banner]")).as("the banner on the refusal too").hasSize(1);
		browser.screen(390, 844);
		browser.open("/appointments");
		assertThat(browser.text("[data-testid=acting-banner]")).contains(mother.resident().name());
		browser.assertNothingWiderThanTheViewport();
		// The banner's own button; the rest of the page is the elder-friendly part's to
		// measure.
		assertThat(((Number) browser
			.script("const r = document.querySelector('[data-testid=stop-acting]').getBoundingClientRect();"
					+ " return Math.min(r.width, r.height);"))
			.doubleValue()).isGreaterThanOrEqualTo(44);
		browser.click("[data-testid=stop-acting]");
		assertThat(browser.path()).isEqualTo("/account/mandates");
		assertThat(browser.findAll("[data-testid=acting-banner]")).isEmpty();
		browser.screen(1280, 900);

		browser.click("[data-testid=act-for-button]");
		assertThat(browser.findAll("[data-testid=acting-banner]")).hasSize(1);
		UUID id = db.sql("SELECT id FROM identity_mandate WHERE grantor_id_number = :id")
			.param("id", mother.resident().idNumber().value())
			.query(UUID.class)
			.single();
		mandates.revoke(new OneStopUser(mother.username(), mother.resident().name(), false,
				mother.resident().idNumber().value(), null, Set.of()), id.toString());
		browser.open("/applications");
		assertThat(browser.text("h1")).as("refused on the next request").isEqualTo(en("problem.title.403"));
		assertThat(browser.findAll("[data-testid=acting-banner]")).isEmpty();
		browser.open("/applications");
		assertThat(browser.text("h1")).isEqualTo(en("application.page.mine.title"));
		browser.open("/account/mandates");
		assertThat(browser.findAll("[data-testid=act-for-button]")).isEmpty();
		assertThat(browser.text("[data-testid=received]")).contains(en("mandate.status.REVOKED"));
	}

	@Test
	void aClerkRecordsAMandateForSomeoneWithoutAPhone() throws Exception {
		Resident grantor = residents.aged(88).withoutPhone().create();
		Resident representative = residents.aged(58).create();
		Path scan = Files.createTempFile("signature", ".png");
		Files.write(scan, new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0 });

		browser.signIn("clerk.civil", "demo12345");
		browser.open("/staff/mandates");
		browser.assertAccessible();
		browser.submit();
		assertThat(browser.text("#idCardsSeen-error")).contains(zh("mandate.counter.id-cards-seen"));
		assertThat(browser.text("#signature-error")).contains(zh("mandate.counter.signature-required"));
		browser.assertAccessible();

		browser.type("#grantorIdNumber", grantor.idNumber().value());
		browser.type("#grantorName", grantor.name());
		browser.type("#representativeIdNumber", representative.idNumber().value());
		browser.type("#representativeName", representative.name());
		browser.find("#idCardsSeen").click();
		browser.script("document.getElementById('until').value = arguments[0];", today().plusMonths(11).toString());
		browser.find("#signature").sendKeys(scan.toAbsolutePath().toString());
		browser.submit();
		assertThat(browser.text("[data-testid=mandate-recorded]"))
			.contains(zh("mandate.counter.recorded", grantor.name()));
		browser.assertAccessible();
		assertThat(db.sql("""
				SELECT count(*) FROM identity_mandate m JOIN identity_mandate_signature s ON s.mandate_id = m.id
				WHERE m.grantor_id_number = :id AND m.granted_how = 'COUNTER' AND m.created_by = 'clerk.civil'""")
			.param("id", grantor.idNumber().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		Files.delete(scan);
	}

	@Test
	void inTheDemoCityLiMeiOpensTheElderlyAllowanceForHerMother() {
		browser.signIn("li.mei", "demo12345");
		browser.open("/account/mandates");
		assertThat(browser.text("[data-testid=act-for]")).contains("王芳");
		browser.click("[data-testid=act-for-button]");
		browser.open("/services/CA-ELD-001/apply");
		assertThat(browser.text("[data-testid=acting-banner]")).contains(zh("mandate.banner.text", "王芳"));
		browser.assertAccessible();
		browser.click("[data-testid=stop-acting]");
		assertThat(browser.findAll("[data-testid=acting-banner]")).isEmpty();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CITY);
	}

	private String zh(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	private String en(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ENGLISH);
	}

}
