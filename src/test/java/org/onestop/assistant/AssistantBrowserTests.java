package org.onestop.assistant;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A visitor asks the assistant from the header link of any page; the answer comes with
 * its buttons.
 */
class AssistantBrowserTests extends BrowserTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void anAnonymousQuestionGetsAnAnswerWithButtonsAndTheNextOneIsAnsweredInPlace() {
		browser.open("/services");
		browser.click("[data-testid=ask-us]");
		assertThat(browser.path()).isEqualTo("/assistant");
		browser.assertAccessible();

		browser.type("#text", "身份证丢了怎么补办");
		browser.click("[data-testid=send]");

		assertThat(browser.path()).startsWith("/assistant/");
		assertThat(browser.text("[data-testid=line-citizen]")).contains("身份证丢了怎么补办");
		assertThat(browser.text("[data-testid=line-assistant]")).isNotBlank();
		assertThat(
				browser.findAll("#assistant-actions [data-action=APPLY], #assistant-actions [data-action=READ_MORE]"))
			.isNotEmpty();
		assertThat(browser.findAll("#assistant-actions [data-action=TALK_TO_PERSON]")).hasSize(1);
		assertThat(browser.find("#assistant-log").getDomAttribute("role")).isEqualTo("log");
		browser.assertAccessible();

		// The next question is answered in place (htmx): no new page, the box is cleared
		// and keeps the focus.
		browser.type("#text", "结婚登记要带什么");
		browser.script("document.querySelector('[data-testid=send]').click()");
		eventually(() -> browser.findAll("[data-testid=line-citizen]").size() == 2
				&& browser.findAll("[data-testid=line-assistant]").size() == 2);
		assertThat(browser.find("#text").getDomProperty("value")).isEmpty();
		assertThat(browser.script("return document.activeElement.id")).isEqualTo("text");

		// An empty message is refused beside the box.
		browser.script("document.querySelector('[data-testid=send]').click()");
		eventually(() -> !browser.findAll("#text-error").isEmpty());
		browser.assertAccessible();
	}

	@Test
	void aComplaintOffersAPersonAndOneClickAcceptsTheOffer() {
		new AssistantFixture(mvc, db).clean();
		browser.open("/assistant");
		browser.type("#text", "我要投诉，办事大厅互相推诿");
		browser.click("[data-testid=send]");
		assertThat(browser.find("#assistant-state [data-state]").getDomAttribute("data-state")).isEqualTo("OFFERED");
		browser.assertAccessible();

		// Nobody is on duty, so accepting the offer leads to a call back, in place.
		browser.script("document.querySelector('[data-testid=accept-offer]').click()");
		eventually(() -> browser.findAll("#assistant-state [data-state=CALLBACK_OFFERED]").size() == 1);
		assertThat(browser.findAll("#assistant-state [data-testid=callback-link]")).hasSize(1);
		browser.assertAccessible();
	}

	@Test
	void anEndedConversationAskedOpenAgainGetsItsMessageBoxBack() {
		new AssistantFixture(mvc, db).clean();
		browser.open("/assistant");
		browser.type("#text", "身份证丢了怎么补办");
		browser.click("[data-testid=send]");
		browser.click("[data-testid=helpful-yes]");
		assertThat(browser.find("#assistant-state [data-state]").getDomAttribute("data-state")).isEqualTo("ENDED");
		assertThat(browser.findAll("#ask")).isEmpty();

		// In place (htmx) the conversation opens again; only a full page brings back the
		// message box and the stream.
		browser.script("document.querySelector('[data-testid=talk-to-person]').click()");
		eventually(() -> browser.findAll("#ask").size() == 1
				&& browser.findAll("#assistant-state [data-state=CALLBACK_OFFERED]").size() == 1);
		browser.assertAccessible();
	}

	static void eventually(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("The page did not get there within 10 seconds");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail(ex);
			}
		}
	}

}
