package org.onestop.assistant;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A long conversation: the agent sees its newest line and the reply box together, at 1280
 * and at 768 px wide, because the transcript scrolls in its own region.
 */
class AgentTranscriptBrowserTests extends BrowserTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void theReplyBoxStaysInViewBelowALongTranscript() throws Exception {
		AssistantFixture fixture = new AssistantFixture(mvc, db);
		fixture.clean();
		fixture.onDuty("agent.hotline", true);
		AssistantFixture.Started c = fixture.queued(fixture.citizen("zhao.lei"));
		mvc.perform(fixture.staff("agent.hotline").on(post("/api/v1/agent/conversations/" + c.id() + "/accept")));
		for (int i = 1; i <= 30; i++) {
			fixture.say(c.owner(), c.id(), "第 " + i + " 条：我想问一下办理身份证需要带哪些材料，还有在哪里办理比较快。");
		}

		browser.signIn("agent.hotline", "demo12345");
		for (int[] size : new int[][] { { 1280, 720 }, { 768, 1024 } }) {
			browser.viewport(size[0], size[1]);
			for (String lang : new String[] { "zh-CN", "en" }) {
				browser.open("/staff/agent/conversations/" + c.id() + "?lang=" + lang);
				String at = size[0] + " px, " + lang;
				assertThat((Boolean) browser.script(
						"const l = document.querySelector('[data-testid=log]'); return l.scrollHeight > l.clientHeight + 100"))
					.as("the transcript scrolls in its own region at %s", at)
					.isTrue();
				assertThat((Boolean) browser.script("""
						const l = document.querySelector('[data-testid=log]');
						return l.scrollHeight - l.scrollTop - l.clientHeight < 5"""))
					.as("the newest line in view at %s", at)
					.isTrue();
				assertThat((String) browser
					.script("return [...document.querySelectorAll('[data-testid=log] [data-line]')].pop().textContent"))
					.contains("第 30 条");
				assertThat((Boolean) browser.script("""
						const r = document.querySelector('[data-testid=send]').getBoundingClientRect();
						const t = document.getElementById('text').getBoundingClientRect();
						return r.top >= 0 && r.bottom <= window.innerHeight && t.top >= 0"""))
					.as("the reply box in view at %s", at)
					.isTrue();
				browser.assertAccessible();
			}
		}
	}

}
