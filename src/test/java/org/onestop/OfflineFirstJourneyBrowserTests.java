package org.onestop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15's "done when" as one story in the browser: a clerk calls a walk-in ticket and
 * files the elderly allowance for 王芳 at the counter with a scanned paper and prints the
 * receipt; 王芳 finds it in her account, marked as filed at the counter; her daughter 李梅
 * acts for her, books her next visit and answers a supplement request on that
 * application; 王芳 revokes the mandate and 李梅's next attempt is refused; 王芳 sees what 李梅
 * did for her. Every page the story reaches is axe-clean.
 */
class OfflineFirstJourneyBrowserTests extends BrowserTest {

	static final String HALL = "HALL-CITY";

	static final String MATTER = "CA-ELD-001";

	static final String WANG_FANG = "110108195404123061";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Halls halls;

	@LocalServerPort
	int port;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void aWalkInIsServedAtTheCounterAndHerDaughterCarriesOnUntilTheMandateIsRevoked() throws Exception {
		UUID mandate = db
			.sql("SELECT id FROM identity_mandate WHERE grantor_id_number = :g AND representative_id_number = :r"
					+ " AND revoked_at IS NULL")
			.param("g", WANG_FANG)
			.param("r", "110108198005206023")
			.query(UUID.class)
			.single();
		try {
			String reference = fileAtTheCounter();
			String id = db.sql("SELECT id::text FROM application WHERE reference = :r")
				.param("r", reference)
				.query(String.class)
				.single();
			wangFangFindsItInHerAccount(reference, id);
			aReviewerAsksForMore(id);
			liMeiActsForHerMother(id);
			wangFangRevokesAndLiMeiIsRefused();
			wangFangSeesWhatWasDoneForHer(reference);
		}
		finally {
			// The demo city's mandate, as the other tests expect to find it.
			db.sql("UPDATE identity_mandate SET revoked_at = NULL, revoked_by = NULL WHERE id = :id")
				.param("id", mandate)
				.update();
		}
	}

	/** The clerk's part; returns the application's reference. */
	private String fileAtTheCounter() throws Exception {
		HallLayout layout = halls.layout(HALL);
		String group = layout.groupOf(MATTER).orElseThrow().code();
		String counter = layout.counters()
			.stream()
			.filter(c -> c.groups().contains(group))
			.findFirst()
			.orElseThrow()
			.id();
		// Only this walk-in waits in the hall, so the console calls it.
		db.sql("DELETE FROM queue_ticket WHERE hall = :h").param("h", HALL).update();
		db.sql("DELETE FROM queue_number WHERE hall = :h").param("h", HALL).update();
		String ticket = mvc
			.perform(post("/api/v1/halls/" + HALL + "/tickets")
				.header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.civil"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"" + MATTER + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String number = JsonPath.read(ticket, "$.number");

		as("clerk.civil");
		browser.open("/staff/halls/" + HALL + "/counters/" + counter);
		browser.assertAccessible();
		browser.click("[data-testid=call-next]");
		assertThat(browser.text("[data-testid=current-number]")).isEqualTo(number);
		browser.assertAccessible();
		browser.click("[data-testid=file-for-citizen]");
		assertThat(browser.text("[data-testid=counter-ticket]")).contains(number);
		browser.assertAccessible();
		browser.type("#idNumber", WANG_FANG);
		browser.type("#q", "高龄津贴");
		browser.click("[data-testid=counter-find]");
		assertThat(browser.text("[data-testid=present-name]")).isEqualTo("王芳");
		browser.assertAccessible();
		browser.click("[data-testid=matter-" + MATTER + "]");
		assertThat(browser.text("[data-testid=counter-for]")).contains("王芳");
		browser.assertAccessible();

		Path scan = Files.createTempFile("household-register", ".png");
		Files.write(scan, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 });
		browser.find("#upload").sendKeys(scan.toAbsolutePath().toString());
		browser.type("#uploadTitle", "户口簿（窗口扫描）");
		browser.click("[data-testid=counter-scan]");
		assertThat(browser.text("[data-testid=banner]")).contains("户口簿（窗口扫描）");
		assertThat(browser.findAll("input[name=documentIds]:checked")).hasSize(1);
		browser.assertAccessible();
		Files.delete(scan);

		browser.find("#identityChecked").click();
		browser.find("#consent").click();
		browser.click("[data-testid=counter-submit]");
		String reference = browser.text("[data-testid=filed-reference]");
		assertThat(reference).startsWith("CA-");
		for (String format : new String[] { "a4", "80mm" }) {
			String href = browser.find("[data-testid=receipt-" + format + "]").getDomAttribute("href");
			assertThat(browser
				.script("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('Content-Type'))", href))
				.as("the %s receipt", format)
				.isEqualTo("200 application/pdf");
		}
		browser.assertAccessible();
		return reference;
	}

	private void wangFangFindsItInHerAccount(String reference, String id) {
		as("wang.fang");
		browser.open("/applications");
		assertThat(browser.text("[data-testid=applications]")).contains(reference);
		assertThat(browser.findAll("[data-testid=applications] tbody tr")
			.stream()
			.map(row -> row.getText())
			.filter(row -> row.contains(reference))
			.findFirst()
			.orElseThrow()).as("marked as filed at the counter, by the clerk").contains("刘洋", "代为提交");
		browser.assertAccessible();
		browser.open("/applications/" + id);
		assertThat(browser.find("[data-testid=status]").getDomAttribute("data-status")).isEqualTo("IN_REVIEW");
		browser.assertAccessible();
	}

	private void aReviewerAsksForMore(String id) {
		as("reviewer.civil");
		browser.open("/staff/tasks");
		while (browser.findAll("tr[data-application='" + id + "'] a").isEmpty()) {
			browser.click("a[rel=next]");
		}
		browser.click("tr[data-application='" + id + "'] a");
		browser.type("#REQUEST_SUPPLEMENT-items", "银行账号");
		browser.click("[data-testid=outcome-REQUEST_SUPPLEMENT]");
		assertThat(browser.path()).isEqualTo("/staff/tasks?done");
	}

	private void liMeiActsForHerMother(String id) {
		as("li.mei");
		browser.open("/account/mandates");
		assertThat(browser.text("[data-testid=act-for]")).contains("王芳");
		browser.assertAccessible();
		browser.click("[data-testid=act-for-button]");
		assertThat(browser.text("[data-testid=acting-banner]")).contains("王芳");

		// 王芳's next visit to the hall.
		browser.open("/services/PS-ID-001/book");
		browser.assertAccessible();
		browser.click("a[href*='hall=HALL-EAST']");
		browser.click("[data-testid=days] a");
		browser.assertAccessible();
		browser.script("document.querySelector(\"input[name=slotId]\").checked = true");
		browser.click("[data-testid=book]");
		assertThat(browser.path()).startsWith("/appointments?booked=");
		assertThat(browser.text("[data-testid=acting-banner]")).contains("王芳");
		assertThat(browser.text("[data-testid=appointments]")).contains("已预约");
		browser.assertAccessible();

		// The supplement request on the application filed at the counter.
		browser.open("/applications/" + id);
		assertThat(browser.find("[data-testid=status]").getDomAttribute("data-status")).isEqualTo("AWAITING_CITIZEN");
		assertThat(browser.text("[data-testid=open-request]")).contains("银行账号");
		browser.assertAccessible();
		browser.type("#bankAccount", "6222020200112233445");
		browser.type("#note", "由女儿李梅代为补正");
		browser.click("[data-testid=answer]");
		assertThat(browser.find("[data-testid=status]").getDomAttribute("data-status")).isEqualTo("IN_REVIEW");
		browser.assertAccessible();
	}

	private void wangFangRevokesAndLiMeiIsRefused() {
		// 李梅 stays signed in, acting for her mother, in her own session.
		org.openqa.selenium.Cookie liMei = browser.cookie("ONESTOP_SESSION");
		as("wang.fang");
		browser.open("/account/mandates");
		assertThat(browser.text("[data-testid=given]")).contains("李梅");
		browser.assertAccessible();
		browser.click("[data-testid=given] [data-testid=revoke]");
		assertThat(browser.text("[data-testid=mandate-notice]")).contains("授权已撤销");
		assertThat(browser.findAll("[data-testid=given] [data-testid=revoke]")).isEmpty();
		browser.assertAccessible();

		browser.useCookie(liMei);
		browser.open("/appointments");
		assertThat(browser.text("h1")).as("refused on her next request").isEqualTo("无权操作");
		assertThat(browser.findAll("[data-testid=acting-banner]")).isEmpty();
		browser.assertAccessible();
		browser.open("/account/mandates");
		assertThat(browser.findAll("[data-testid=act-for-button]")).isEmpty();
		browser.assertAccessible();
	}

	private void wangFangSeesWhatWasDoneForHer(String reference) {
		as("wang.fang");
		browser.open("/account");
		browser.click("[data-testid=acted-for-me-link]");
		assertThat(browser.path()).isEqualTo("/account/acted-for-me");
		String record = browser.text("[data-testid=acted-for]");
		assertThat(record).contains("预约了到场办理", "答复了申请 " + reference, "李梅（受托人）代办");
		browser.assertAccessible();
	}

	private void as(String username) {
		browser.visitorOf(port);
		browser.signIn(username, "demo12345");
	}

}
