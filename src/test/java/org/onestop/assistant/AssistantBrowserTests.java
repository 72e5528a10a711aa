package org.onestop.assistant;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** A visitor asks the assistant from the header link of any page; the answer comes with its buttons. */
class AssistantBrowserTests extends BrowserTest {

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
		assertThat(browser.findAll("#assistant-actions [data-action=APPLY], #assistant-actions [data-action=READ_MORE]"))
			.isNotEmpty();
		assertThat(browser.findAll("#assistant-actions [data-action=TALK_TO_PERSON]")).hasSize(1);
		assertThat(browser.find("#assistant-log").getDomAttribute("role")).isEqualTo("log");
		browser.assertAccessible();

		// The next question is answered in place (htmx): no new page, the box is cleared and keeps the focus.
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
