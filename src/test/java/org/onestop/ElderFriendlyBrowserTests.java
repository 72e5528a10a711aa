package org.onestop;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The large-text mode (长辈版) measured against the national elder-friendly rules for
 * government web sites (《互联网应用适老化及无障碍改造专项行动方案》, 适老化通用设计规范): on the application form, the
 * booking page (both steps) and the assistant, signed in, on a phone (390 px) and a
 * desktop, in both languages, every piece of visible text is drawn at 18 px or more and
 * every target is at least 44 × 44 px.
 *
 * <p>
 * What counts. Text: every visible element with a text node of its own. Targets: links,
 * buttons, fields, selects, text areas and summaries; a checkbox or radio counts with its
 * label (pressing either toggles it), measured as the box around both. Exempt: a link
 * inside a sentence (as WCAG 2.5.8 exempts it: it is as tall as its line, and padding
 * would tear the paragraph apart), and what is hidden or only for screen readers (display
 * none, visibility hidden, clipped, {@code govuk-visually-hidden}, the skip link until it
 * is focused).
 */
class ElderFriendlyBrowserTests extends BrowserTest {

	private static final double TEXT = 18;

	private static final double TARGET = 44;

	@Autowired
	Accounts accounts;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@ParameterizedTest(name = "{0} px, {1}")
	@CsvSource({ "390, zh-CN", "390, en", "1280, zh-CN", "1280, en" })
	void largeTextMeetsTheElderFriendlyRules(int width, String lang) throws Exception {
		Citizen elder = accounts.elder();
		browser.screen(width, width < 640 ? 844 : 1000);
		browser.signIn(elder.username(), elder.password());
		browser.open("/?lang=" + lang);
		browser.click("[data-testid=text-size]");
		List<String> problems = new ArrayList<>();

		measure("/services/CA-ELD-001/apply", problems);
		measure("/services/PS-ID-001/book?hall=HALL-EAST", problems);
		browser.click("[data-testid=days] a");
		measure(null, problems);
		measure("/assistant", problems);
		browser.type("#text", "en".equals(lang) ? "How do I renew my ID card?" : "身份证怎么换领");
		browser.click("[data-testid=send]");
		measure(null, problems);
		measure("/assistant/call-me?from=/services/CA-ELD-001/apply&title=x", problems);

		if (!problems.isEmpty()) {
			fail(String.join("\n", problems));
		}
	}

	/**
	 * No time-out loses what was typed: the session runs out while the citizen writes,
	 * they press submit, sign in again, and are back at their form as they left it; once
	 * the form is accepted, nothing of it is kept in the browser.
	 */
	@Test
	void whatWasTypedSurvivesASessionThatRanOut() throws Exception {
		Citizen elder = accounts.elder();
		browser.screen(1280, 1000);
		browser.signIn(elder.username(), elder.password());
		browser.open("/services/CA-ELD-001/apply");
		String typed = "我腿脚不便，去不了窗口，请把津贴发到社保卡上。";
		browser.type("#explanation", typed);
		browser.forgetCookie("ONESTOP_SESSION");

		browser.click("[data-testid=submit]");
		assertThat(browser.path()).startsWith("/sign-in");
		browser.type("#username", elder.username());
		browser.type("#password", elder.password());
		browser.submit();

		assertThat(browser.path()).startsWith("/services/CA-ELD-001/apply");
		assertThat(browser.find("#explanation").getDomProperty("value")).isEqualTo(typed);
		browser.click("[data-testid=submit]");
		assertThat(browser.path()).startsWith("/applications/").endsWith("?submitted");
		assertThat(browser.script(KEPT)).isEqualTo(List.of());
	}

	/**
	 * A form refused for a stale token (its cookie gone) loses nothing either: the page
	 * opened again is filled in as it was left.
	 */
	@Test
	void whatWasTypedSurvivesAStaleToken() throws Exception {
		Citizen elder = accounts.elder();
		browser.screen(1280, 1000);
		browser.signIn(elder.username(), elder.password());
		browser.open("/services/CA-ELD-001/apply");
		String typed = "请工作人员上门核实。";
		browser.type("#explanation", typed);
		browser.forgetCookie("XSRF-TOKEN");

		browser.click("[data-testid=submit]");
		assertThat(browser.findAll("[data-testid=submit]")).isEmpty();
		browser.open("/services/CA-ELD-001/apply");

		assertThat(browser.find("#explanation").getDomProperty("value")).isEqualTo(typed);
	}

	/**
	 * What one person typed is never put back for another who signs in on the same
	 * browser tab.
	 */
	@Test
	void whatWasTypedIsNotShownToSomeoneElse() throws Exception {
		Citizen first = accounts.elder();
		Citizen second = accounts.elder();
		browser.screen(1280, 1000);
		browser.signIn(first.username(), first.password());
		browser.open("/services/CA-ELD-001/apply");
		browser.type("#explanation", "第一位的说明");
		browser.forgetCookie("ONESTOP_SESSION");

		browser.signIn(second.username(), second.password());
		browser.open("/services/CA-ELD-001/apply");

		assertThat(browser.find("#explanation").getDomProperty("value")).isEmpty();
		assertThat(browser.script(KEPT)).isEqualTo(List.of());
	}

	/**
	 * "Call me back" under the application form, without a conversation first: the
	 * citizen's phone on file, a slot, and back to the form.
	 */
	@Test
	void callMeBackFromTheApplicationForm() throws Exception {
		Citizen elder = accounts.elder();
		browser.screen(390, 844);
		browser.signIn(elder.username(), elder.password());
		browser.open("/services/CA-ELD-001/apply");
		String title = browser.text("h1");

		browser.click("[data-testid=call-me-button]");
		assertThat(browser.path()).startsWith("/assistant/call-me?");
		assertThat(browser.text("[data-testid=call-me-from]")).contains(title);
		assertThat(browser.findAll("[data-testid=phone-on-file]")).hasSize(1);
		assertThat(browser.findAll("#phone")).isEmpty();
		browser.assertAccessible();
		browser.click("[data-testid=call-me-submit]");
		assertThat(browser.text("[data-testid=slot-error]")).isNotBlank();
		browser.assertAccessible();

		browser.script("document.querySelector('input[name=slot]').click()");
		browser.click("[data-testid=call-me-submit]");
		assertThat(browser.path()).isEqualTo("/assistant/call-me/done");
		assertThat(browser.text("[data-testid=call-me-done]")).contains("****");
		browser.assertAccessible();
		browser.click("[data-testid=call-me-back]");
		assertThat(browser.path()).isEqualTo("/services/CA-ELD-001/apply");
	}

	private static final String KEPT = "return Object.keys(sessionStorage).filter(k => k.startsWith('onestop.typed:'))";

	private void measure(String path, List<String> problems) {
		if (path != null) {
			browser.open(path);
		}
		String shown = browser.path();
		assertThat(browser.findAll("body.onestop-large-text")).as("large text on " + shown).hasSize(1);
		@SuppressWarnings("unchecked")
		List<String> found = (List<String>) browser.script(MEASURE, TEXT, TARGET);
		if (!found.isEmpty()) {
			problems.add("--- " + shown + " at " + browser.script("return document.documentElement.clientWidth")
					+ " px: " + found.size() + " offender(s)\n    " + String.join("\n    ", found));
		}
		try {
			browser.assertAccessible();
		}
		catch (AssertionError ex) {
			problems.add("--- " + shown + ": " + ex.getMessage());
		}
	}

	/** Lists each offender: where it is, what it says, and its size. */
	static final String MEASURE = """
			const [minText, minTarget] = arguments;
			const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
				+ (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
			const where = e => { const p = []; for (let x = e; x && x !== document.body && p.length < 3; x = x.parentElement) p.unshift(name(x)); return p.join(' > '); };
			const said = e => ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
			const hidden = e => {
				for (let x = e; x; x = x.parentElement) {
					const s = getComputedStyle(x);
					if (s.display === 'none' || s.visibility === 'hidden' || s.clip === 'rect(0px, 0px, 0px, 0px)'
						|| s.clipPath === 'inset(50%)' || x.hidden) return true;
					if (x.classList.contains('govuk-visually-hidden')) return true;
					if (x.classList.contains('govuk-skip-link') && document.activeElement !== x) return true;
				}
				return false;
			};
			const found = [];
			for (const e of document.body.querySelectorAll('*')) {
				if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(e.tagName)) continue;
				const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
				if (!own || hidden(e)) continue;
				const r = e.getBoundingClientRect();
				if (r.width < 1 || r.height < 1) continue;
				const size = parseFloat(getComputedStyle(e).fontSize);
				if (size < minText - 0.01) found.push('text ' + where(e) + said(e) + ' at ' + size + ' px');
			}
			const targets = document.body.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary');
			for (const e of targets) {
				if (hidden(e)) continue;
				const s = getComputedStyle(e);
				const p = e.parentElement;
				if (e.tagName === 'A' && s.display === 'inline' && p
					&& p.innerText.replace(/\\s+/g, '').length > e.innerText.replace(/\\s+/g, '').length) continue;
				let box = e.getBoundingClientRect();
				let left = box.left, top = box.top, right = box.right, bottom = box.bottom;
				if (e.type === 'checkbox' || e.type === 'radio') {
					for (const label of e.labels || []) {
						const l = label.getBoundingClientRect();
						left = Math.min(left, l.left); top = Math.min(top, l.top);
						right = Math.max(right, l.right); bottom = Math.max(bottom, l.bottom);
					}
				}
				const w = right - left, h = bottom - top;
				if (w < 1 && h < 1) continue;
				if (w < minTarget - 0.5 || h < minTarget - 0.5) found.push('target ' + where(e) + said(e) + ' is '
					+ Math.round(w) + ' × ' + Math.round(h) + ' px');
			}
			return found;
			""";

}
