package org.onestop.complaint.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint dispatched from the console and replied to from the department's inbox, in
 * a browser at 1280 px, the way the dispatcher and the handler click through it.
 */
class DispatchPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "demo12345";

	@Autowired
	MockMvc mvc;

	@Test
	void aComplaintIsDispatchedFromTheConsoleAndRepliedToFromTheInbox() throws Exception {
		DispatchPagesIntegrationTests.Staff staff = new DispatchPagesIntegrationTests.Staff(mvc);
		browser.signIn("dispatcher", PASSWORD);
		browser.click("[data-testid=dispatch-console]");
		assertThat(browser.path()).isEqualTo("/staff/dispatch");
		// Filed while the console is open: the queue shows it without a reload.
		String id = staff.file("li.na", DispatchPagesIntegrationTests.NOISE,
				"楼上每晚十二点后还在跳绳（" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000) + "）", null,
				null);
		Instant deadline = Instant.now().plusSeconds(40);
		while (browser.findAll("[data-testid=queue-row][data-id='" + id + "']").isEmpty()) {
			assertThat(Instant.now()).as("the queue refreshed itself").isBefore(deadline);
			Thread.sleep(500);
		}
		assertThat(browser.path()).isEqualTo("/staff/dispatch");
		browser.click("[data-testid=open-" + id + "]");
		assertThat(browser.path()).isEqualTo("/staff/dispatch/" + id);
		Select lead = new Select(browser.find("#leadDepartment"));
		assertThat(lead.getFirstSelectedOption().getAttribute("value")).as("the suggestion, preselected")
			.isEqualTo("PS");
		browser.find("#co-CA").click();
		browser.click("#dispatch-submit");
		assertThat(browser.path()).startsWith("/staff/dispatch?done=dispatched");
		assertThat(browser.text("[data-testid=done]")).isEqualTo("已派单。");
		assertThat(browser.findAll("[data-testid=queue-row][data-id='" + id + "']")).isEmpty();
		browser.click("[data-testid=sign-out]");

		browser.signIn("handler.ps", PASSWORD);
		browser.click("[data-testid=complaint-inbox]");
		assertThat(browser.path()).isEqualTo("/staff/complaints");
		browser.click("[data-testid=open-" + id + "]");
		browser.click("#accept-submit");
		assertThat(browser.text("[data-testid=done]")).isEqualTo("已签收。");
		browser.type("#reply-text", "已上门提醒住户，约定晚十点后不再跳绳");
		Path photo = Files.createTempFile("evidence", ".png");
		try {
			Files.write(photo, ("\u0089PNG\r\n\u001a\n" + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1));
			browser.find("#reply-photos").sendKeys(photo.toString());
			browser.click("#reply-submit");
		}
		finally {
			Files.deleteIfExists(photo);
		}
		assertThat(browser.path()).isEqualTo("/staff/complaints/" + id + "?done=replied");
		assertThat(browser.text("[data-testid=done]")).isEqualTo("答复已发给群众。");
		assertThat(browser.find("[data-testid=status]").getAttribute("data-status")).isEqualTo("REPLIED");
		assertThat(browser.text("[data-testid=reply]")).contains("已上门提醒住户").contains("附 1 张证明材料");
	}

}
