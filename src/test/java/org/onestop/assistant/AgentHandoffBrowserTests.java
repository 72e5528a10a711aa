package org.onestop.assistant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.assistant.AssistantBrowserTests.eventually;

/**
 * P1 end to end in two browsers: a citizen types "转人工" and waits first in line; an agent
 * on duty sees the conversation appear, accepts it, reads what the citizen asked the
 * assistant before, and the two talk live.
 */
class AgentHandoffBrowserTests extends BrowserTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@LocalServerPort
	int serverPort;

	private Browser agent;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@BeforeEach
	void nobodyWaitingAndASecondBrowser() {
		new AssistantFixture(mvc, db).clean();
		if (agent == null) {
			agent = Browser.startWithAxe();
		}
		agent.visitorOf(serverPort);
	}

	@AfterAll
	void closeTheAgentsBrowser() {
		if (agent != null) {
			agent.close();
		}
	}

	@Test
	void aCitizenAsksForAPersonAndAnAgentTakesOverWithTheWholeTranscript() {
		agent.signIn("agent.hotline", "demo12345");
		agent.click("[data-testid=agent-console]");
		assertThat(agent.path()).isEqualTo("/staff/agent");
		agent.click("[data-testid=toggle-duty]");
		assertThat(agent.find("[data-testid=duty]").getDomAttribute("data-on-duty")).isEqualTo("true");
		assertThat(agent.findAll("[data-testid=queue-empty]")).hasSize(1);
		agent.assertAccessible();

		browser.open("/assistant");
		browser.type("#text", "身份证丢了怎么补办");
		browser.click("[data-testid=send]");
		browser.type("#text", "转人工");
		browser.script("document.querySelector('[data-testid=send]').click()");
		// The waiting line refreshes itself: read the position in the page, where a
		// refresh cannot leave a stale element behind.
		eventually(() -> "1".equals(browser.script(
				"var e = document.querySelector('[data-testid=position]'); return e && e.getAttribute('data-position');")));
		assertThat(browser.text("[data-testid=waiting]")).isNotBlank();
		browser.assertAccessible();

		// The waiting line refreshes itself on the agent's screen.
		eventually(() -> agent.findAll("[data-testid=waiting-row]").size() == 1);
		agent.assertAccessible();
		agent.click("[data-testid=accept]");
		assertThat(agent.path()).startsWith("/staff/agent/conversations/");
		assertThat(agent.text("[data-testid=log]")).contains("身份证丢了怎么补办", "转人工");
		assertThat(agent.findAll("[data-testid=line-assistant]")).isNotEmpty();
		agent.assertAccessible();

		eventually(() -> !browser.findAll("[data-testid=connected]").isEmpty());

		agent.type("#text", "您好，我是林婷，您的身份证补办我来帮您。");
		agent.script("document.querySelector('[data-testid=send]').click()");
		eventually(() -> agent.text("[data-testid=log]").contains("我是林婷"));
		eventually(
				() -> browser.findAll("[data-testid=line-agent]").stream().anyMatch(l -> l.getText().contains("我是林婷")));

		browser.type("#text", "谢谢，我明天有空去办");
		browser.script("document.querySelector('[data-testid=send]').click()");
		eventually(() -> agent.text("[data-testid=log]").contains("我明天有空去办"));

		// The agent starts an application for the citizen: a button on the citizen's page
		// opens the prefilled form.
		agent.click("[data-testid=offer-application]");
		eventually(() -> !browser.findAll("[data-testid=line-link]").isEmpty());
		assertThat(browser.find("[data-testid=line-link]").getDomAttribute("href")).startsWith("/services/")
			.endsWith("/apply");
		// And a visit to a hall: the citizen books it in their own name from the button.
		agent.click("[data-testid=offer-booking]");
		eventually(() -> browser.findAll("[data-testid=line-link]").size() == 2);
		assertThat(browser.findAll("[data-testid=line-link]").get(1).getDomAttribute("href")).endsWith("/book");

		// A canned answer from the catalog goes into the message box.
		agent.script("document.querySelector('[data-testid=insert-canned]').click()");
		assertThat(agent.find("#text").getDomProperty("value")).contains("/services/");
		agent.type("#text", "再见");

		agent.find("#end-outcome").sendKeys("已解决");
		agent.click("[data-testid=end]");
		assertThat(agent.text("[data-testid=done]")).isNotBlank();
		eventually(() -> !browser.findAll("#assistant-state [data-state=ENDED]").isEmpty());
		assertThat(browser.findAll("[data-testid=rating]")).hasSize(1);
		assertThat(browser.findAll("#ask")).isEmpty();
		browser.click("[data-testid=helpful-yes]");
		assertThat(browser.findAll("[data-testid=rated]")).hasSize(1);
	}

}
