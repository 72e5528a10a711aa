package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hall board on a 1920 x 1080 TV: no portal around it, the called number large enough
 * to read from five metres, names instead of codes, and each new call spoken in Chinese
 * (and in English where the hall says so) through the browser's speech synthesis, which
 * the test stands in for.
 */
class HallBoardBrowserTests extends BrowserTest {

	static final String HALL = "HALL-CITY";

	/** Records what the page asks the browser to say, instead of saying it. */
	static final String SPEECH_STUB = """
			window.spoken = [];
			Object.defineProperty(window, 'speechSynthesis', { configurable: true,
			  value: { speak: (u) => window.spoken.push(u.lang + '|' + u.text), cancel: () => {} } });""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aTvShowsTheCallLargeAndSpeaksIt() throws Exception {
		browser.viewport(1920, 1080);
		QueueFixture hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		hall.clear();
		String admin = Tokens.of(mvc, "admin");
		board(admin, true);
		for (int i = 0; i < 3; i++) {
			hall.walkIn("A");
		}
		hall.walkIn("B");
		callNext(hall, "1");

		browser.open("/halls/" + HALL + "/board");
		assertThat(browser.findAll("header, footer, .govuk-header, .onestop-toolbar, form[role=search]")).isEmpty();
		assertThat(browser.text("[data-testid=now-number]")).isEqualTo("A001");
		assertThat(browser.text("[data-testid=now-counter]")).isEqualTo("请到 1号窗口");
		assertThat(browser.fontSize("[data-testid=now-number]")).as("called number, px").isGreaterThanOrEqualTo(200);
		assertThat(browser.fontSize("[data-testid=now-counter]")).as("its counter, px").isGreaterThanOrEqualTo(80);
		assertThat(browser.fontSize(".onestop-board__group-name")).as("group names, px").isGreaterThanOrEqualTo(48);
		assertThat(browser.fontSize(".onestop-board__group-count")).as("people waiting, px").isGreaterThanOrEqualTo(48);
		assertThat(browser.text("[data-testid=waiting]")).contains("户籍和身份证", "2 人等候", "社保和医保", "1 人等候");
		browser.assertAccessible();

		// Eight calls of the day and every group still fit on the screen, without
		// scrolling.
		for (int i = 0; i < 3; i++) {
			hall.walkIn("C");
			hall.walkIn("D");
		}
		for (String counter : List.of("2", "4", "6", "7", "8", "6", "7")) {
			callNext(hall, counter);
		}
		browser.open("/halls/" + HALL + "/board");
		assertThat(browser.findAll("[data-testid=earlier] li")).hasSize(HallBoards.RECENT - 1);
		assertThat(browser.fontSize(".onestop-board__earlier li")).as("earlier calls, px").isGreaterThanOrEqualTo(60);
		assertThat(((Number) browser.script("return document.documentElement.scrollHeight")).intValue())
			.isLessThanOrEqualTo(1080);
		assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
			.isLessThanOrEqualTo(1920);

		browser.script(SPEECH_STUB);
		hall.walkIn("A");
		callNext(hall, "1");
		waitFor(() -> spoken().size() >= 2);
		assertThat(spoken()).containsExactly("zh-CN|请 A 0 0 3 号到1号窗口办理",
				"en-GB|Number A 0 0 3, please go to Counter 1.");
		assertThat(browser.text("[data-testid=now-number]")).isEqualTo("A003");

		// A hall that speaks Chinese only.
		board(admin, false);
		callNext(hall, "2");
		waitFor(() -> spoken().size() >= 3);
		Thread.sleep(500);
		assertThat(spoken()).hasSize(3).last().isEqualTo("zh-CN|请 A 0 0 4 号到2号窗口办理");
	}

	@Test
	void inEnglishTheBoardUsesEnglishNames() throws Exception {
		browser.viewport(1920, 1080);
		QueueFixture hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		hall.clear();
		hall.walkIn("B");
		callNext(hall, "4");
		browser.open("/halls/" + HALL + "/board?lang=en");
		assertThat(browser.text("h1")).isEqualTo("City Government Service Center");
		assertThat(browser.text("[data-testid=now-counter]")).isEqualTo("Please go to Counter 4");
		assertThat(browser.text("[data-testid=waiting]")).contains("Social security and medical insurance");
		browser.assertAccessible();
	}

	private void board(String admin, boolean english) throws Exception {
		mvc.perform(put("/api/v1/admin/halls/" + HALL + "/board").header("Authorization", "Bearer " + admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"callsInEnglish\":" + english + "}")).andExpect(status().isNoContent());
	}

	private void callNext(QueueFixture hall, String counter) throws Exception {
		mvc.perform(post("/api/v1/halls/" + HALL + "/counters/" + counter + "/call-next").header("Authorization",
				"Bearer " + hall.clerkToken()))
			.andExpect(status().is2xxSuccessful());
	}

	@SuppressWarnings("unchecked")
	private List<String> spoken() {
		return (List<String>) browser.script("return window.spoken || []");
	}

	private static void waitFor(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(condition.getAsBoolean()).as("in time").isTrue();
	}

}
