package org.onestop;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The main journeys of a visitor and a citizen on a phone (390 px) and a desktop (1280
 * px), in standard and large text, in both languages: no text wrapping one character per
 * line, nothing wider than the screen, text large enough to read, targets large enough to
 * tap, no GOV.UK typeface fetched and no Content-Security-Policy broken.
 */
class ScreenSizesBrowserTests extends BrowserTest {

	private static final String HALL = "HALL-EAST";

	@Autowired
	Accounts accounts;

	@Autowired
	MockMvc mvc;

	/** A citizen old enough for the elderly allowance, with one booked visit. */
	private Citizen elder;

	private String ticket;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@ParameterizedTest(name = "{0} px, large text {1}, {2}")
	@CsvSource({ "390, true, zh-CN", "390, true, en", "390, false, zh-CN", "390, false, en", "1280, true, zh-CN",
			"1280, true, en", "1280, false, zh-CN", "1280, false, en" })
	void mainJourneysFitTheScreen(int width, boolean large, String lang) throws Exception {
		prepare();
		browser.recordCspViolations();
		browser.screen(width, width < 640 ? 844 : 1000);
		browser.open("/?lang=" + lang);
		if (large) {
			browser.click("[data-testid=text-size]");
		}
		boolean audit = large && width < 640;
		List<String> problems = new ArrayList<>();
		for (String path : List.of("/", "/services?q=" + ("en".equals(lang) ? "ID+card" : "身份证"), "/services/PS-ID-001",
				"/services/CA-ELD-001", "/register", "/assistant", "/complaints/new", "/tickets/" + ticket, "/figures",
				"/ratings/exclusions", "/sign-in")) {
			check(path, lang, large, audit, problems);
		}
		// The last page checked is the sign-in page, where the journey goes on.
		browser.type("#username", elder.username());
		browser.type("#password", elder.password());
		browser.submit();
		for (String path : List.of("/account", "/applications", "/services/CA-ELD-001/apply", "/appointments",
				"/services/PS-ID-001/book", "/services/PS-ID-001/book?hall=" + HALL, "/inbox", "/complaints",
				"/assistant")) {
			check(path, lang, large, audit, problems);
		}
		browser.open("/services/PS-ID-001/book?hall=" + HALL);
		browser.click("[data-testid=days] a");
		check(null, lang, large, audit, problems);
		if (!problems.isEmpty()) {
			fail(problems.size() + " page(s) that do not fit:\n" + String.join("\n", problems));
		}
	}

	@Test
	void tablesBecomeCardsOnPhonesEachCellNamedByItsColumn() throws Exception {
		prepare();
		browser.screen(390, 844);
		browser.signIn(elder.username(), elder.password());
		browser.open("/appointments");

		String cell = "[data-testid=appointments] tbody td:first-child";
		assertThat(browser.find(cell).getDomAttribute("data-label"))
			.isEqualTo(browser.text("[data-testid=appointments] thead th:first-child"));
		assertThat(browser.script("return getComputedStyle(document.querySelector(arguments[0])).display", cell))
			.isEqualTo("block");
		browser.assertFitsTheScreen();

		browser.screen(1280, 1000);
		assertThat(browser.script("return getComputedStyle(document.querySelector(arguments[0])).display", cell))
			.isEqualTo("table-cell");
	}

	@Test
	void theLargeTextToggleSaysWhatItDoes() {
		browser.screen(1280, 1000);
		browser.open("/?lang=zh-CN");
		assertThat(browser.text("[data-testid=text-size]")).isEqualTo("大字版");
		double body = browser.fontSize(".govuk-body");
		double heading = browser.fontSize("h1");
		double button = browser.fontSize(".onestop-site-search__button");

		browser.click("[data-testid=text-size]");

		assertThat(browser.text("[data-testid=text-size]")).isEqualTo("标准字号");
		assertThat(browser.fontSize(".govuk-body")).isGreaterThan(body * 1.2);
		assertThat(browser.fontSize("h1")).isGreaterThan(heading * 1.2).isGreaterThan(browser.fontSize(".govuk-body"));
		assertThat(browser.fontSize(".onestop-site-search__button")).isGreaterThan(button * 1.2);
		assertThat(browser.fontSize(".govuk-header__link")).isGreaterThanOrEqualTo(browser.fontSize(".govuk-body"));

		browser.open("/?lang=en");
		assertThat(browser.text("[data-testid=text-size]")).isEqualTo("Standard text");
	}

	@Test
	void onPhonesTheHeaderLinksFoldBehindAMenu() {
		browser.screen(390, 844);
		browser.open("/?lang=zh-CN");
		assertThat(browser.find("#navigation").isDisplayed()).isFalse();

		browser.find(".govuk-header__menu-button").click();

		assertThat(browser.find("#navigation").isDisplayed()).isTrue();
		assertThat(browser.text(".govuk-header__menu-button")).isEqualTo("菜单");
		browser.assertFitsTheScreen();

		browser.screen(1280, 1000);
		assertThat(browser.find(".govuk-header__menu-button").isDisplayed()).isFalse();
		assertThat(browser.find("#navigation").isDisplayed()).isTrue();
	}

	/**
	 * Guards the guards: each check finds the fault it is for, so that a clean result
	 * means a page that fits.
	 */
	@Test
	void theChecksNoticeAPageThatDoesNotFit() {
		browser.screen(390, 844);
		browser.open("/?lang=zh-CN");
		browser.assertFitsTheScreen();
		browser.script("""
				const main = document.querySelector('main');
				const add = (tag, text, style) => { const e = document.createElement(tag); e.textContent = text;
					Object.assign(e.style, style); main.prepend(e); return e; };
				add('p', '取消预约', {width: '1em'}).id = 'squeezed';
				""");
		assertThatThrownBy(browser::assertNoOneCharacterLines).hasMessageContaining("p#squeezed");
		browser
			.script("""
					document.querySelector('#squeezed').remove();
					const wide = document.createElement('p'); wide.id = 'wide'; wide.textContent = '很宽';
					wide.style.width = '500px'; document.querySelector('main').prepend(wide);
					const button = document.createElement('button'); button.id = 'spilling'; button.textContent = '取消预约';
					Object.assign(button.style, {width: '30px', whiteSpace: 'nowrap'}); document.querySelector('main').prepend(button);
					""");
		assertThatThrownBy(browser::assertNothingWiderThanTheViewport).hasMessageContaining("p#wide \"很宽\" reaches")
			.hasMessageContaining("button#spilling \"取消预约\" spills");
		browser.script("document.querySelector('#wide').remove(); document.querySelector('#spilling').remove()");
		browser.script("document.querySelector('h1').style.fontSize = '15px'");
		assertThatThrownBy(() -> browser.assertTextAtLeast(16)).hasMessageContaining("h1");
		browser.script("document.querySelector('.onestop-site-search__button').style.minHeight = '0'");
		browser.script("document.querySelector('.onestop-site-search__button').style.height = '30px'");
		assertThatThrownBy(browser::assertTargetsAtLeast44).hasMessageContaining("onestop-site-search__button");
	}

	@Test
	void theApplyFormBreaksNoContentSecurityPolicy() throws Exception {
		prepare();
		browser.recordCspViolations();
		browser.signIn(elder.username(), elder.password());
		browser.open("/services/CA-ELD-001/apply");
		assertThat(browser.findAll("[data-testid=submit]")).hasSize(1);
		// htmx starts after the page has loaded (a deferred script).
		assertThat(browser.script("return typeof htmx")).isEqualTo("object");

		assertThat(browser.cspViolations()).isEmpty();
	}

	@Test
	void theIconIsServedToEveryone() throws Exception {
		mvc.perform(get("/favicon.ico"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/x-icon"));
	}

	private static final String GOVUK_TYPEFACE = """
			const found = [];
			for (const el of document.querySelectorAll('body *')) {
				const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
				if (text && /gds transport/i.test(getComputedStyle(el).fontFamily.split(',')[0])) {
					found.push(el.tagName.toLowerCase() + '.' + el.className);
				}
			}
			return found.slice(0, 5);""";

	private void check(String path, String lang, boolean large, boolean audit, List<String> problems) {
		if (path != null) {
			browser.open(path);
		}
		String shown = browser.path();
		try {
			assertThat(browser.lang()).as("the language of " + shown).isEqualTo(lang);
			assertThat(browser.findAll("body.onestop-large-text")).as("large text on " + shown).hasSize(large ? 1 : 0);
			browser.assertFitsTheScreen();
			// GOV.UK's typeface is not ours to use (and has no Chinese): no text may be
			// set in it. Whether
			// Chromium still requests its file for an element it never paints is its own
			// affair, and such a
			// request now gets a plain 404 rather than the sign-in page.
			assertThat(browser.script(GOVUK_TYPEFACE)).as("text set in GDS Transport on " + shown).isEqualTo(List.of());
			assertThat(browser.cspViolations()).as("CSP violations on " + shown).isEmpty();
			if (audit) {
				browser.assertAccessible();
			}
		}
		catch (AssertionError ex) {
			problems.add("--- " + shown + ": " + ex.getMessage());
		}
	}

	/**
	 * One elder with one booked visit, and one ticket, for all the tests of this class.
	 */
	private void prepare() throws Exception {
		if (elder != null) {
			return;
		}
		elder = accounts.elder();
		browser.signIn(elder.username(), elder.password());
		browser.open("/services/PS-ID-001/book?hall=" + HALL);
		browser.click("[data-testid=days] a");
		browser.script("document.querySelector(\"input[name=slotId]\").checked = true");
		browser.click("[data-testid=book]");
		assertThat(browser.path()).startsWith("/appointments?booked=");
		browser.visitorOf(port);
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.ps");
		String taken = mvc
			.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", clerk)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"PS-ID-001\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		ticket = JsonPath.read(taken, "$.id");
	}

}
