package org.onestop.application.hotline;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hotline's part of issue 15 in the browser: an agent prepares an application from a
 * logged call, the citizen opens the inbox link and confirms it, and lands on the case;
 * the clerk's counter page finds a resident's pending ones. Every new page passes axe.
 */
class PreparedApplicationBrowserTests extends BrowserTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int serverPort;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void anAgentPreparesFromACallAndTheCitizenConfirmsFromTheInbox() throws Exception {
		Citizen citizen = accounts.elder();
		String call = JsonPath.read(mvc
			.perform(post("/api/v1/agent/calls").header("Authorization", "Bearer " + Tokens.of(mvc, "agent.hotline"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"topic\":\"老人想申请高龄津贴\",\"outcome\":\"INFORMATION_GIVEN\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");

		browser.signIn("agent.hotline", "demo12345");
		browser.open("/staff/agent");
		browser.click("[data-testid=prepare-application]");
		assertThat(browser.path()).startsWith("/staff/hotline/prepare");
		browser.assertAccessible();
		// A wrong number is refused beside its field.
		browser.type("#idNumber", "110101190001010000");
		new Select(browser.find("#serviceCode")).selectByValue("CA-ELD-001");
		browser.click("[data-testid=open-form]");
		assertThat(browser.text(".govuk-error-summary")).isNotBlank();
		browser.assertAccessible();
		browser.type("#idNumber", citizen.resident().idNumber().value());
		new Select(browser.find("#serviceCode")).selectByValue("CA-ELD-001");
		new Select(browser.find("#callId")).selectByValue(call);
		browser.click("[data-testid=open-form]");
		assertThat(browser.text("[data-testid=for]")).contains(citizen.resident().name());
		browser.assertAccessible();
		browser.type("#bankAccount", "6222020200112233");
		browser.click("[data-testid=save-prepared]");
		assertThat(browser.path()).startsWith("/staff/hotline/prepared/");
		assertThat(browser.text("[data-testid=saved]")).contains(citizen.resident().name());
		browser.assertAccessible();
		assertThat(db.sql("SELECT count(*) FROM application WHERE applicant_id_number = :id")
			.param("id", citizen.resident().idNumber().value())
			.query(Integer.class)
			.single()).isZero();

		browser.visitorOf(serverPort);
		browser.signIn(citizen.username(), citizen.password());
		browser.open("/inbox");
		browser.click("[data-kind=APPLICATION_PREPARED] button");
		assertThat(browser.path()).startsWith("/applications/prepared/");
		assertThat(browser.text("[data-testid=call]")).contains("老人想申请高龄津贴");
		assertThat(browser.find("#bankAccount").getDomProperty("value")).isEqualTo("6222020200112233");
		browser.assertAccessible();
		for (String lang : new String[] { "en", "zh-CN" }) {
			browser.open(browser.path() + "?lang=" + lang);
			browser.assertAccessible();
		}
		browser.viewport(390, 844);
		browser.assertNothingWiderThanTheViewport();
		browser.click("[data-testid=confirm]");
		assertThat(browser.path()).matches("/applications/[0-9a-f-]{36}\\?submitted");
		assertThat(db.sql("SELECT channel FROM application WHERE applicant_id_number = :id")
			.param("id", citizen.resident().idNumber().value())
			.query(String.class)
			.single()).isEqualTo("HOTLINE");
	}

	@Test
	void atTheCounterTheClerkConfirmsWithTheResidentPresent() throws Exception {
		Citizen citizen = accounts.elder();
		mvc.perform(post("/api/v1/hotline/applications")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "agent.hotline"))
			.header("Idempotency-Key", java.util.UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"idNumber\":\"" + citizen.resident().idNumber().value()
					+ "\",\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}"));

		browser.signIn("clerk.civil", "demo12345");
		browser.open("/staff/counters");
		browser.click("[data-testid=prepared-link]");
		assertThat(browser.path()).isEqualTo("/staff/counters/prepared");
		browser.assertAccessible();
		browser.type("#idNumber", citizen.resident().idNumber().value());
		browser.click("[data-testid=find]");
		assertThat(browser.findAll("[data-testid=pending]")).hasSize(1);
		browser.assertAccessible();
		// Without the two checks nothing is submitted, and both are asked for.
		browser.click("[data-testid=confirm-at-counter]");
		assertThat(browser.findAll(".govuk-error-summary li")).hasSize(2);
		browser.assertAccessible();
		browser.script("document.querySelectorAll('[data-testid=pending] input[type=checkbox]')"
				+ ".forEach(c => c.checked = true)");
		browser.click("[data-testid=confirm-at-counter]");
		assertThat(browser.text("[data-testid=confirmed]")).contains(citizen.resident().name());
		assertThat(browser.findAll("[data-testid=pending]")).isEmpty();
		browser.viewport(390, 844);
		browser.open("/staff/counters/prepared?lang=en");
		browser.assertNothingWiderThanTheViewport();
		browser.assertAccessible();
		assertThat(db.sql("SELECT channel FROM application WHERE applicant_id_number = :id")
			.param("id", citizen.resident().idNumber().value())
			.query(String.class)
			.single()).isEqualTo("HOTLINE");
	}

}
