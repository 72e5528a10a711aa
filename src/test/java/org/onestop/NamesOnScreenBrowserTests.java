package org.onestop;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.testdata.Accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the browser suites, as each kind of person meets it, in Chinese and in
 * English: {@link Browser} fails on any message key or internal code on screen (see
 * {@link ScreenText}), naming the page and the text. The citizen has an application with
 * a notice, an appointment and a complaint; staff see that work.
 */
class NamesOnScreenBrowserTests extends BrowserTest {

	private static final String PASSWORD = "demo12345";

	private static final List<String> LANGUAGES = List.of("zh-CN", "en");

	private static final String REFERENCE = "[A-Z]{2}-\\d{4}-\\d{6}";

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient db;

	@Test
	void anonymousPages() {
		for (String lang : LANGUAGES) {
			browser.visitorOf(port);
			visit(lang, "/", "/services", "/services?q=身份证", "/services?department=CA", "/services/PS-ID-001",
					"/services/CA-MAR-001", "/services/CA-ELD-001", "/services/HE-REG-001", "/life-events/baby",
					"/notices", "/complaints/new", "/complaints/figures", "/assistant", "/sign-in", "/register",
					"/sign-in/unlock", "/verify", "/halls/HALL-EAST/board", "/figures", "/ratings/exclusions");
		}
	}

	@Test
	void matterDoneOnTheSpotSaysSo() {
		browser.open("/services/CA-MAR-001?lang=zh-CN");
		assertThat(browser.text("main")).contains("当场办结").doesNotContain("0 个工作日");
		browser.open("/services/CA-MAR-001?lang=en");
		assertThat(browser.text("main")).contains("Done on the spot").doesNotContain("0 working days");
	}

	@Test
	void aCitizenWithAnApplicationANoticeAnAppointmentAndAComplaint() throws Exception {
		String elder = accounts.elder().username();
		browser.signIn(elder, "long-enough-1");
		browser.open("/services/CA-ELD-001/apply");
		browser.click("[data-testid=submit]");
		String id = browser.path().substring("/applications/".length(), browser.path().indexOf('?'));
		String reference = db.sql("SELECT reference FROM application WHERE id = :id::uuid")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(reference).matches("CA-20\\d\\d-\\d{6}");
		assertThat(browser.text("[data-testid=reference]")).contains(reference);

		// A supplement asked for: the citizen's inbox gets a notice about it.
		browser.visitorOf(port);
		browser.signIn("reviewer.civil", PASSWORD);
		String task = openTaskOf(id);
		assertThat(browser.text("[data-testid=reference]")).contains(reference);
		browser.type("#REQUEST_SUPPLEMENT-items", "银行账号");
		browser.click("[data-testid=outcome-REQUEST_SUPPLEMENT]");

		browser.visitorOf(port);
		browser.signIn(elder, "long-enough-1");
		browser.open("/services/PS-ID-001/book?hall=HALL-EAST");
		browser.click("[data-testid=days] a");
		browser.script("document.querySelector(\"input[name=slotId]\").checked = true");
		browser.click("[data-testid=book]");
		browser.open("/complaints/new");
		browser.find("label[for='categoryCode-GOV-ONLINE']").click();
		browser.type("#description", "网上办事大厅的预约页面一直打不开");
		browser.click("[data-testid=file]");
		String complaint = browser.path().split("[?#]")[0].replace("/filed", "");
		for (String lang : LANGUAGES) {
			visit(lang, "/account", "/applications", "/applications/" + id, "/applications/" + id + "/withdraw",
					"/appointments", "/inbox", "/complaints", complaint, "/services/CA-ELD-001/apply", "/assistant");
			browser.open("/applications?lang=" + lang);
			assertThat(browser.text("main")).contains(reference);
			browser.open("/inbox?lang=" + lang);
			assertThat(browser.text("main")).contains(reference).contains(lang.equals("en") ? "Elderly" : "高龄津贴");
		}

		browser.visitorOf(port);
		browser.signIn("reviewer.civil", PASSWORD);
		for (String lang : LANGUAGES) {
			visit(lang, "/staff", "/staff/tasks", "/staff/corrections", "/staff/discretion-log", "/inbox");
		}
		assertThat(task).isNotBlank();
	}

	@Test
	void staffPages() {
		List<String[]> people = new ArrayList<>();
		people.add(new String[] { "clerk.civil", "/staff", "/staff/tasks", "/staff/corrections" });
		people
			.add(new String[] { "clerk.ps", "/staff", "/staff/halls/HALL-EAST/counters/1", "/halls/HALL-EAST/kiosk" });
		people.add(new String[] { "agent.hotline2", "/staff", "/staff/agent", "/staff/agent/calls",
				"/staff/agent/metrics", "/staff/complaints/follow-ups" });
		people.add(new String[] { "dispatcher", "/staff", "/staff/dispatch", "/complaints/figures" });
		people.add(new String[] { "handler.ps", "/staff", "/staff/complaints" });
		people.add(new String[] { "admin", "/staff", "/admin/staff" });
		people.add(new String[] { "editor", "/staff", "/admin/catalog", "/admin/catalog/PS-ID-001",
				"/admin/catalog/life-events", "/admin/notices", "/admin/notices/new" });
		for (String[] person : people) {
			browser.visitorOf(port);
			browser.signIn(person[0], PASSWORD);
			for (String lang : LANGUAGES) {
				visit(lang, java.util.Arrays.copyOfRange(person, 1, person.length));
			}
		}
	}

	@Test
	void theCheckNoticesACodeOnScreen() {
		browser.open("/");
		browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<p>事项 CA-ELD-001 已办结</p>')");
		assertThat(ScreenText.codesIn(browser.visibleText())).singleElement().asString().contains("CA-ELD-001");
		browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', "
				+ "'<p>事项编码 <span data-code>PS-ID-001</span></p>')");
		assertThat(ScreenText.codesIn(browser.visibleText())).hasSize(1);
	}

	/** Opens each page in this language; the browser checks what is on screen. */
	private void visit(String lang, String... paths) {
		for (String path : paths) {
			browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
		}
	}

	/** Pages through the inbox to the application's task and opens it; its id. */
	private String openTaskOf(String id) {
		browser.open("/staff/tasks");
		while (browser.findAll("tr[data-application='" + id + "'] a").isEmpty()) {
			browser.click("a[rel=next]");
		}
		browser.click("tr[data-application='" + id + "'] a");
		return browser.path().substring("/staff/tasks/".length());
	}

}
