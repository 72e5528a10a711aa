package org.onestop.catalog;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog's pages for citizens and editors, as a browser without JavaScript sees
 * them.
 */
@IntegrationTest
class CatalogPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	private Document page(String path, Cookie... cookies) throws Exception {
		var request = get(path);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return Jsoup
			.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private Cookie editor() throws Exception {
		return mvc.perform(post("/sign-in").with(csrf()).param("username", "editor").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
	}

	@Test
	void theHomePageListsLifeEventsAndOffersSearch() throws Exception {
		Document home = page("/");
		assertThat(home.select("a[href^=/life-events/]")).hasSize(7);
		assertThat(home.select("form[action=/services] input[name=q]")).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void resultsShowChannelTripsAndTimeAndPage() throws Exception {
		Document results = page("/services?department=PS", new Cookie("onestop_lang", "en"));
		assertThat(results.select(".onestop-result")).hasSizeGreaterThan(5);
		assertThat(results.select(".onestop-result").first().text()).contains("trip")
			.containsPattern("working days?|Done on the spot");
		Document all = page("/services");
		assertThat(all.select(".govuk-pagination__next a").attr("href")).isEqualTo("/services?page=1");
		long total = catalog.search(new MatterQuery(null, null, null, null, 0, 1)).total();
		assertThat(page("/services?page=2").select(".onestop-result")).hasSize((int) (total - 40));
	}

	@Test
	void badSearchParametersAreExplainedOnThePage() throws Exception {
		Document results = page("/services?channel=BY_PIGEON&page=x", new Cookie("onestop_lang", "en"));
		assertThat(results.select(".govuk-error-summary").text()).contains("Channel must be");
	}

	@Test
	void aMatterPageSaysWhatWhereHowLongAndWhatTheGovernmentAlreadyHolds() throws Exception {
		Document matter = page("/services/PS-ID-001", new Cookie("onestop_lang", "en"));
		assertThat(matter.select("h1").text()).containsIgnoringCase("ID card");
		assertThat(matter.select("[data-testid=channel-reason]").text()).isNotBlank();
		assertThat(matter.text()).contains("working days promised")
			.contains("Not needed: the government already holds it");
		assertThat(matter.select("a.govuk-button").eachText()).contains("Apply online", "Book an appointment");
		mvc.perform(get("/services/NO-SUCH-001")).andExpect(status().isNotFound());
	}

	@Test
	void aLifeEventPageAddsUpTripsAndMarksTheBundle() throws Exception {
		Document baby = page("/life-events/baby");
		assertThat(baby.select("main ol li")).hasSizeGreaterThanOrEqualTo(5);
		assertThat(baby.select("main ol li .govuk-tag"))
			.hasSize(catalog.lifeEvent("baby").orElseThrow().bundle().size());
		mvc.perform(get("/life-events/no-such")).andExpect(status().isNotFound());
	}

	@Test
	void anEditorSavesADraftFromTheFormAndPublishesIt() throws Exception {
		Cookie editor = editor();
		mvc.perform(post("/admin/catalog").with(csrf())
			.cookie(editor)
			.param("code", "TR-FRM-001")
			.param("department", "TR")
			.param("category", "parking")
			.param("nameZh", "表单测试停车证")
			.param("nameEn", "Form test parking permit")
			.param("descriptionZh", "说明")
			.param("descriptionEn", "About it")
			.param("channel", "HYBRID")
			.param("channelReasonZh", "需核验车辆")
			.param("channelReasonEn", "The vehicle is checked")
			.param("maxTrips", "1")
			.param("promisedDays", "3")
			.param("statutoryDays", "10")
			.param("feeYuan", "0")
			.param("eligibilityZh", "车主")
			.param("eligibilityEn", "Vehicle owners")
			.param("halls", "HALL-CITY")
			.param("dataItems", "name | 姓名 | Name | POPULATION_REGISTRY")
			.param("documents", "licence | 行驶证 | Vehicle licence | SHOWN_AT_COUNTER")
			.param("faq", "要多久 | How long | 三天 | Three days"))
			.andExpect(redirectedUrl("/admin/catalog?saved=TR-FRM-001&version=1"));
		mvc.perform(post("/admin/catalog/TR-FRM-001/publish").with(csrf()).cookie(editor).param("version", "1"))
			.andExpect(redirectedUrl("/admin/catalog?published=TR-FRM-001"));
		Document published = page("/services/TR-FRM-001");
		assertThat(published.select("h1").text()).isEqualTo("表单测试停车证");
		assertThat(published.text()).contains("行驶证").contains("要多久");
	}

	@Test
	void theMatterFormShowsEachErrorBesideItsField() throws Exception {
		mvc.perform(post("/admin/catalog").with(csrf())
			.cookie(editor(), new Cookie("onestop_lang", "en"))
			.param("code", "lower-case")
			.param("department", "TR")
			.param("category", "x")
			.param("nameZh", "名")
			.param("channel", "OFFLINE")
			.param("maxTrips", "one")
			.param("promisedDays", "3")
			.param("statutoryDays", "1")
			.param("feeYuan", "free")
			.param("dataItems", "only | three | parts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"maxTrips-error\"")))
			.andExpect(content().string(containsString("id=\"feeYuan-error\"")))
			.andExpect(content().string(containsString("Line 1 is not in the expected form")))
			.andExpect(content().string(containsString("value=\"名\"")));
	}

	@Test
	void anEditorChangesALifeEventAndUnknownMattersAreRefused() throws Exception {
		Cookie editor = editor();
		mvc.perform(post("/admin/catalog/life-events/retiring").with(csrf())
			.cookie(editor, new Cookie("onestop_lang", "en"))
			.param("nameZh", "退休")
			.param("nameEn", "Retiring")
			.param("descriptionZh", "退休要办的事")
			.param("descriptionEn", "What retiring involves")
			.param("matters", "HR-PEN-002\nNO-SUCH-001")
			.param("bundle", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"matters-error\"")));
		LifeEvent before = catalog.lifeEvent("retiring").orElseThrow();
		mvc.perform(post("/admin/catalog/life-events/retiring").with(csrf())
			.cookie(editor)
			.param("nameZh", before.name().zh())
			.param("nameEn", before.name().en())
			.param("descriptionZh", before.description().zh())
			.param("descriptionEn", "Changed by a test.")
			.param("matters", String.join("\n", before.matters()))
			.param("bundle", String.join("\n", before.bundle())))
			.andExpect(redirectedUrl("/admin/catalog/life-events?saved=retiring"));
		assertThat(catalog.lifeEvent("retiring").orElseThrow().description().en()).isEqualTo("Changed by a test.");
		assertThat(catalog.lifeEvents().get(5).code()).isEqualTo("retiring");
	}

	@Test
	void citizensCannotReachTheEditors() throws Exception {
		Cookie citizen = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "li.na").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		mvc.perform(get("/admin/catalog").cookie(citizen)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/notices").cookie(citizen)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/catalog/PS-ID-001/withdraw").with(csrf()).cookie(citizen))
			.andExpect(status().isForbidden());
	}

}
