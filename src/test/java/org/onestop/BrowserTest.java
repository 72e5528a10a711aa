package org.onestop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that drive the pages in headless Chromium: one browser per test
 * class, and a new visitor (no cookies) for each test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

	protected Browser browser;

	@LocalServerPort
	int port;

	/**
	 * The browser this class needs; accessibility tests want one that can run axe-core.
	 */
	protected Browser startBrowser() {
		return Browser.start();
	}

	@BeforeAll
	void startTheBrowser() {
		browser = startBrowser();
	}

	@AfterAll
	void quitTheBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void newVisitor() {
		browser.visitorOf(port);
	}

}
