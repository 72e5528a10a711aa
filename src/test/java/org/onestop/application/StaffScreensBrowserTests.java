package org.onestop.application;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.catalog.Catalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff pages have the staff layout (no citizen help or search in the header, a
 * navigation that fits the roles, the staff member's name and department), and a
 * correction request says whom and what it is about: in both languages, accessibly.
 */
class StaffScreensBrowserTests extends BrowserTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int serverPort;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void theRegistrysClerkSeesWhomAndWhatACorrectionRequestIsAbout() throws Exception {
		String token = Citizens.token(mvc, "li.na");
		String form = mvc.perform(get("/api/v1/services/PS-ID-001/form").header("Authorization", token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String draft = JsonPath.read(form, "$.draftId");
		mvc.perform(post("/api/v1/applications/drafts/" + draft + "/disputes").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"field\":\"registeredAddress\",\"value\":\"北京市丰台区丰台北路165号7号楼5单元1101\",\"comment\":\"门牌号少了一位\"}"));

		browser.signIn("clerk.ps", "demo12345");
		assertStaffLayout();
		assertThat(browser.text("[data-testid=staff-department]")).isEqualTo("公安局");
		browser.click("[data-testid=nav-corrections]");
		assertThat(browser.find("[data-testid=nav-corrections]").getDomAttribute("aria-current")).isEqualTo("page");
		String matter = catalog.matter("PS-ID-001").orElseThrow().definition().name().zh();
		String card = browser.text("[data-testid=correction]");
		assertThat(card).contains("李娜", "110106********8882", matter, "北京市丰台区丰台北路165号7号楼5单元1101", "门牌号少了一位")
			.doesNotContain("110106198806158882", "population.address", "PS-ID-001");
		assertThat(browser.text("[data-testid=correction-application]")).contains("尚未提交");
		browser.assertAccessible();

		browser.open("/staff/corrections?lang=en");
		assertStaffLayout();
		assertThat(browser.text("[data-testid=staff-department]")).isEqualTo("Public Security Bureau");
		card = browser.text("[data-testid=correction]");
		assertThat(card)
			.contains("Citizen's name", "李娜", "110106********8882",
					catalog.matter("PS-ID-001").orElseThrow().definition().name().en())
			.doesNotContain("110106198806158882", "population.address");
		browser.assertAccessible();
	}

	@Test
	void theNavigationOffersWhatEachRoleMayOpen() {
		browser.signIn("clerk.civil", "demo12345");
		assertStaffLayout();
		assertThat(browser.text("[data-testid=staff-name]")).isEqualTo("刘洋");
		assertThat(navigation()).contains("nav-staff-home", "nav-task-inbox", "nav-corrections", "nav-counters")
			.doesNotContain("nav-agent-console", "nav-admin-staff", "nav-dispatch-console");
		assertThat(browser.find("[data-testid=nav-staff-home]").getDomAttribute("aria-current")).isEqualTo("page");
		browser.assertAccessible();

		browser.visitorOf(serverPort);
		browser.signIn("agent.hotline", "demo12345");
		assertThat(navigation()).contains("nav-agent-console", "nav-follow-ups", "nav-agent-metrics")
			.doesNotContain("nav-counters", "nav-admin-staff");
		browser.click("[data-testid=nav-agent-console]");
		assertStaffLayout();
		assertThat(browser.find("[data-testid=nav-agent-console]").getDomAttribute("aria-current")).isEqualTo("page");
		browser.assertAccessible();

		browser.visitorOf(serverPort);
		browser.signIn("admin", "demo12345");
		assertThat(navigation()).contains("nav-admin-staff", "nav-admin-catalog", "nav-admin-notices")
			.doesNotContain("nav-counters", "nav-agent-console");
		browser.click("[data-testid=nav-admin-catalog]");
		assertStaffLayout();
		browser.open("/admin/staff?lang=en");
		assertStaffLayout();
		assertThat(browser.text("[data-testid=nav-admin-staff]")).isEqualTo("Staff accounts");
		assertThat(browser.text("[data-testid=staff-text-size]")).isEqualTo("Larger text");
		browser.assertAccessible();
	}

	private java.util.List<String> navigation() {
		return browser.findAll("[data-testid=staff-nav] a")
			.stream()
			.map(a -> a.getDomAttribute("data-testid"))
			.toList();
	}

	/**
	 * The staff layout: the staff navigation and who is signed in; none of the citizen
	 * header's help, search or large-text toggle.
	 */
	private void assertStaffLayout() {
		assertThat(browser.find("body").getDomAttribute("data-layout")).as("layout of %s", browser.path())
			.isEqualTo("staff");
		assertThat(browser.findAll("[data-testid=staff-nav]")).hasSize(1);
		assertThat(browser.findAll("[data-testid=staff-name]")).hasSize(1);
		assertThat(browser
			.findAll("[data-testid=talk-to-a-person], [data-testid=ask-us], #site-q, [data-testid=text-size]"))
			.as("citizen header items on %s", browser.path())
			.isEmpty();
		assertThat(browser.text("body")).doesNotContain("大字版", "找人工服务");
	}

}
