package org.onestop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven through Selenium, one per browser test class,
 * visiting the platform the way a person does. Without Chromium, its driver or axe-core
 * the tests are skipped, so that {@code mvn verify} passes with only Java and Maven; CI
 * sets {@code ONESTOP_BROWSER_TESTS=required} to make them fail instead.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Installed by {@code npm ci} in {@code src/test/axe}; Maven runs the tests from the
	 * project folder.
	 */
	static final Path AXE = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String AXE_RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
				.then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
					targets: v.nodes.map(n => n.target.join(' '))}))))
				.catch(error => done('axe failed: ' + error));
			""";

	private final ChromeDriver driver;

	private final Path profile;

	private final String axe;

	/** Why there is no browser to drive, when there is none. */
	private final String missing;

	private String origin;

	private Browser(ChromeDriver driver, Path profile, String axe, String missing) {
		this.driver = driver;
		this.profile = profile;
		this.axe = axe;
		this.missing = missing;
	}

	/** A browser for pages only. */
	public static Browser start() {
		return start(false);
	}

	/** A browser that can also audit pages with axe-core. */
	public static Browser startWithAxe() {
		return start(true);
	}

	private static Browser start(boolean audits) {
		String missing = !Files.isExecutable(CHROMIUM)
				? "Chromium is not at " + CHROMIUM + " (apt-get install chromium)"
				: !Files.isExecutable(CHROMEDRIVER)
						? "ChromeDriver is not at " + CHROMEDRIVER + " (apt-get install chromium-driver)"
						: audits && !Files.isReadable(AXE)
								? "axe-core is not at " + AXE.toAbsolutePath() + " (run npm ci in src/test/axe)" : null;
		if (missing != null) {
			if ("required".equals(System.getenv("ONESTOP_BROWSER_TESTS"))) {
				fail("Browser tests are required (ONESTOP_BROWSER_TESTS=required) but " + missing);
			}
			// Each test then skips itself: skipping the whole class here would leave
			// surefire counting no tests at all.
			return new Browser(null, null, null, missing);
		}
		try {
			String axe = audits ? Files.readString(AXE, StandardCharsets.UTF_8) : null;
			Path profile = Files.createTempDirectory("onestop-chromium-");
			System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.withSilent(true)
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			// The machine has no network but package registries, so Chromium must not go
			// looking for one.
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1280,1024", "--user-data-dir=" + profile, "--lang=zh-CN");
			// A visitor who has not chosen gets the language from Accept-Language: make
			// that Chinese, the default.
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
			return new Browser(driver, profile, axe, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A new visitor to the platform at this port: no session, no language or text-size
	 * choice. Call before each test.
	 */
	public void visitorOf(int port) {
		assumeTrue(missing == null, () -> "Browser test skipped: " + missing);
		// localhost, not 127.0.0.1: Chromium keeps the Secure session cookie over plain
		// http only there.
		this.origin = "http://localhost:" + port;
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	/**
	 * Shows pages as a phone of this width would (CSS pixels), for the rest of this
	 * browser's life.
	 */
	public void viewport(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
	}

	/**
	 * Forgets one cookie, as when the session it names has run out on the server (issue
	 * 15).
	 */
	public void forgetCookie(String name) {
		driver.manage().deleteCookieNamed(name);
	}

	/**
	 * The cookie of this name, to hand back later with {@link #useCookie}: one person's
	 * session kept aside while another signs in (issue 15).
	 */
	public org.openqa.selenium.Cookie cookie(String name) {
		return driver.manage().getCookieNamed(name);
	}

	/** Puts back a cookie kept with {@link #cookie}, replacing the one of its name. */
	public void useCookie(org.openqa.selenium.Cookie cookie) {
		driver.manage().deleteCookieNamed(cookie.getName());
		driver.manage().addCookie(cookie);
	}

	public void open(String path) {
		driver.get(origin + path);
		assertNoCodesOnScreen();
	}

	/**
	 * Signs in through the form, as a person would, and waits for the page it leads to.
	 */
	public void signIn(String username, String password) {
		open("/sign-in");
		type("#username", username);
		type("#password", password);
		submit();
	}

	public void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	/** Presses the main form's button. */
	public void submit() {
		click("main form button[type=submit]");
	}

	public void click(String css) {
		navigateBy(By.cssSelector(css));
	}

	public void clickLink(String text) {
		navigateBy(By.linkText(text));
	}

	/**
	 * Clicks, then waits until the next page has replaced this one and finished loading.
	 */
	private void navigateBy(By target) {
		WebElement before = driver.findElement(By.tagName("html"));
		driver.findElement(target).click();
		WebDriverWait wait = new WebDriverWait(driver, WAIT);
		wait.until(d -> gone(before));
		wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
		assertNoCodesOnScreen();
	}

	/**
	 * Whether the element belongs to a page that has been left. Chromium sometimes
	 * answers for such a node "does not belong to the document" rather than "stale" (seen
	 * once in CI): both mean the new page has come.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	public Object script(String javaScript, Object... args) {
		return driver.executeScript(javaScript, args);
	}

	/**
	 * Everything the page shown has fetched besides itself: styles, scripts, fonts,
	 * images.
	 */
	@SuppressWarnings("unchecked")
	public List<String> fetched() {
		return (List<String>) driver.executeScript("return performance.getEntriesByType('resource').map(r => r.name)");
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	public String text(String css) {
		// Live pages swap their regions in place (streams or polling): an element found a
		// moment ago may be gone.
		for (int attempt = 1;; attempt++) {
			try {
				return find(css).getText();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/** The path (and query) of the page shown. */
	public String path() {
		return driver.getCurrentUrl().substring(origin.length());
	}

	public String lang() {
		return find("html").getDomAttribute("lang");
	}

	/** The font size the browser actually draws this element with, in CSS pixels. */
	public double fontSize(String css) {
		String size = find(css).getCssValue("font-size");
		assertThat(size).endsWith("px");
		return Double.parseDouble(size.substring(0, size.length() - 2));
	}

	/** One axe-core rule broken on the page, with the elements that break it. */
	public record Violation(String id, String impact, String help, List<String> targets) {

		@Override
		public String toString() {
			return id + " (" + impact + "): " + help + "\n    " + String.join("\n    ", targets);
		}
	}

	/** Runs axe-core's WCAG 2.1 A and AA rules on the page shown. */
	@SuppressWarnings("unchecked")
	public List<Violation> audit() {
		assertThat(axe).as("this browser was started without axe-core").isNotNull();
		driver.executeScript(axe);
		Object result = driver.executeAsyncScript(AXE_RUN);
		if (!(result instanceof List<?> violations)) {
			throw new AssertionError(String.valueOf(result));
		}
		return violations.stream()
			.map(v -> (Map<String, Object>) v)
			.map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
					(List<String>) v.get("targets")))
			.toList();
	}

	/**
	 * Fails with every violation listed when the page shown breaks a WCAG 2.1 A or AA
	 * rule.
	 */
	public void assertAccessible() {
		List<Violation> violations = audit();
		if (!violations.isEmpty()) {
			fail(violations.size() + " accessibility violation(s) on " + path() + ":\n"
					+ violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
		}
	}

	@Override
	public void close() {
		if (driver == null) {
			return;
		}
		try {
			driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(new File(profile.toString()));
		}
	}

	// Names on screen (issue 14): every page a test opens or reaches is checked for
	// message keys and internal codes in what people read (ScreenText says which).

	/**
	 * The text a reader sees: the title and the page's visible text, without the elements
	 * marked {@code data-code} (hidden for the moment of reading, then shown again).
	 */
	private static final String VISIBLE_TEXT = """
			if (document.contentType !== 'text/html' || !document.body) return null;
			const marked = [...document.querySelectorAll('[data-code]')];
			const before = marked.map(e => e.style.display);
			marked.forEach(e => e.style.display = 'none');
			const text = document.title + '\\n' + document.body.innerText;
			marked.forEach((e, i) => e.style.display = before[i]);
			return text;""";

	/** The visible text of the page shown (null for anything but an HTML page). */
	public String visibleText() {
		return (String) driver.executeScript(VISIBLE_TEXT);
	}

	/**
	 * Fails, naming the page and the text, when a message key or an internal code is on
	 * screen.
	 */
	public void assertNoCodesOnScreen() {
		String text = visibleText();
		List<String> found = text == null ? List.of() : ScreenText.codesIn(text);
		if (!found.isEmpty()) {
			fail("Codes or message keys on screen at " + path() + ":\n" + String.join("\n", found));
		}
	}

	// ---- Layout checks (issue 14, large text and phones): measured at the viewport
	// shown.

	/**
	 * Shows pages at this size, as a phone (under 640 px wide, touch) or a desktop would.
	 */
	public void screen(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 640));
	}

	/** Finds, in the page shown, what the named check of {@link #LAYOUT} reports. */
	@SuppressWarnings("unchecked")
	private List<String> layout(String check, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = check;
		System.arraycopy(args, 0, all, 1, args.length);
		return (List<String>) driver.executeScript(LAYOUT, all);
	}

	private void assertNone(List<String> found, String what) {
		if (!found.isEmpty()) {
			fail(found.size() + " " + what + " on " + path() + " at "
					+ script("return document.documentElement.clientWidth") + " px:\n    "
					+ String.join("\n    ", found));
		}
	}

	/**
	 * Fails when some text wraps (almost) one character per line: fewer than two
	 * characters on each line of a text that fills two lines or more.
	 */
	public void assertNoOneCharacterLines() {
		assertNone(layout("narrow"), "text(s) wrapping one character per line");
	}

	/**
	 * Fails when the page scrolls sideways or an element reaches past the viewport's
	 * right edge (unless a scrolling or clipping box holds it).
	 */
	public void assertNothingWiderThanTheViewport() {
		assertNone(layout("wide"), "element(s) wider than the viewport");
	}

	/** Fails when visible text is drawn smaller than this many CSS pixels. */
	public void assertTextAtLeast(double pixels) {
		assertNone(layout("small", pixels), "text(s) smaller than " + pixels + " px");
	}

	/**
	 * Fails when a link, button or field is less than 44 px high (or 24 px wide). Links
	 * inside a sentence are exempt, as in WCAG 2.5.8: they are as tall as the line.
	 */
	public void assertTargetsAtLeast44() {
		assertNone(layout("targets"), "target(s) under 44 px");
	}

	/**
	 * All four checks, with body text of at least 18 px in large text, 16 px otherwise.
	 */
	public void assertFitsTheScreen() {
		boolean large = !findAll("body.onestop-large-text").isEmpty();
		assertNoOneCharacterLines();
		assertNothingWiderThanTheViewport();
		assertTextAtLeast(large ? 18 : 16);
		assertTargetsAtLeast44();
	}

	/**
	 * From now on, records every Content-Security-Policy violation of the pages this
	 * browser opens, for {@link #cspViolations()}.
	 */
	public void recordCspViolations() {
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
				"""
						window.onestopCspViolations = [];
						document.addEventListener('securitypolicyviolation', e => window.onestopCspViolations.push(
							e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
						"""));
	}

	/** The CSP violations of the page shown, since it was loaded. */
	@SuppressWarnings("unchecked")
	public List<String> cspViolations() {
		return (List<String>) driver.executeScript("return window.onestopCspViolations || ['not recording']");
	}

	private static final String LAYOUT = """
			const [check, arg] = arguments;
			const vw = document.documentElement.clientWidth;
			const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
				+ (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
			const where = e => { const p = []; for (let x = e; x && x !== document.body && p.length < 3; x = x.parentElement) p.unshift(name(x)); return p.join(' > '); };
			const said = e => ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
			const hidden = e => {
				for (let x = e; x; x = x.parentElement) {
					const s = getComputedStyle(x);
					if (s.display === 'none' || s.visibility === 'hidden' || s.clip === 'rect(0px, 0px, 0px, 0px)'
						|| s.clipPath === 'inset(50%)' || x.hidden) return true;
					if (x.classList.contains('govuk-visually-hidden') || x.classList.contains('govuk-skip-link')) return true;
				}
				const r = e.getBoundingClientRect();
				return r.width < 2 || r.height < 2;
			};
			const ownText = e => [...e.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
			const all = [...document.body.querySelectorAll('*')].filter(e => !['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg'].includes(e.tagName));
			const found = [];
			if (check === 'narrow') {
				for (const e of all) {
					for (const t of ownText(e)) {
						const chars = [...t.textContent.replace(/\\s+/g, '')].length;
						if (chars < 2 || hidden(e)) continue;
						const range = document.createRange();
						range.selectNodeContents(t);
						const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
						if (lines.size >= 2 && chars / lines.size < 2) found.push(where(e) + ' ' + JSON.stringify(t.textContent.trim().slice(0, 40)) + ' on ' + lines.size + ' lines');
					}
				}
			}
			else if (check === 'wide') {
				if (document.documentElement.scrollWidth > vw) found.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px');
				const held = e => { for (let x = e.parentElement; x && x !== document.body; x = x.parentElement) { if (getComputedStyle(x).overflowX !== 'visible') return true; } return false; };
				for (const e of all) {
					const r = e.getBoundingClientRect();
					if (r.right > vw + 1 && !hidden(e) && !held(e)) found.push(where(e) + said(e) + ' reaches ' + Math.round(r.right) + ' px');
					// Text spilling out of its box; GOV.UK buttons reach a few pixels past their edge to widen the target.
					else if (ownText(e).length && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 8
						&& getComputedStyle(e).overflowX === 'visible' && !hidden(e)) found.push(where(e) + said(e) + ' spills out of its box');
				}
			}
			else if (check === 'small') {
				for (const e of all) {
					if (!ownText(e).length || hidden(e)) continue;
					const size = parseFloat(getComputedStyle(e).fontSize);
					if (size < arg - 0.01) found.push(where(e) + said(e) + ' at ' + size + ' px');
				}
			}
			else if (check === 'targets') {
				const targets = document.body.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary');
				for (const e of targets) {
					if (hidden(e)) continue;
					const s = getComputedStyle(e);
					const p = e.parentElement;
					const inSentence = e.tagName === 'A' && s.display === 'inline' && p
						&& p.innerText.replace(/\\s+/g, '').length > e.innerText.replace(/\\s+/g, '').length;
					if (inSentence) continue;
					const r = e.getBoundingClientRect();
					if (r.height < 43.5 || r.width < 23.5) found.push(where(e) + said(e) + ' is ' + Math.round(r.width) + ' × ' + Math.round(r.height) + ' px');
				}
			}
			return found;
			""";

}
