package org.onestop.catalog;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.catalog.MatterStore.Change;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public catalog pages are rendered once for everyone who reads the same thing: each
 * language gets its own rendering, a change from another node shows once this node's sync
 * has seen it, drafts never show, and nothing of who is signed in is kept.
 */
@IntegrationTest
class CatalogPagesFromMemoryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogIndexSync sync;

	@Autowired
	MatterStore store;

	@Autowired
	TransactionTemplate transactions;

	private static final Cookie ENGLISH = new Cookie("onestop_lang", "en");

	private static MatterDefinition permit(String code, String zh, String en) {
		return TestMatters.matter(code, "TR", zh, en, MatterDefinition.Channel.ONLINE);
	}

	private String html(String path, Cookie... cookies) throws Exception {
		var request = get(path);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void eachLanguageGetsItsOwnRendering() throws Exception {
		Matter id = catalog.matter("PS-ID-001").orElseThrow();
		String zh = id.definition().name().zh();
		String en = id.definition().name().en();
		for (int i = 0; i < 2; i++) {
			assertThat(Jsoup.parse(html("/services/PS-ID-001")).select("h1").text()).isEqualTo(zh);
			assertThat(Jsoup.parse(html("/services/PS-ID-001", ENGLISH)).select("h1").text()).isEqualTo(en);
			assertThat(Jsoup.parse(html("/search?q=身份证")).select(".onestop-results").text()).contains(zh)
				.doesNotContain(en);
			assertThat(Jsoup.parse(html("/search?q=身份证", ENGLISH)).select(".onestop-results").text()).contains(en)
				.doesNotContain(zh);
			LifeEvent baby = catalog.cachedLifeEvent("baby").orElseThrow();
			assertThat(Jsoup.parse(html("/life-events/baby")).select("h1").text()).isEqualTo(baby.name().zh());
			assertThat(Jsoup.parse(html("/life-events/baby", ENGLISH)).select("h1").text()).isEqualTo(baby.name().en());
			assertThat(Jsoup.parse(html("/")).select("a[href=/life-events/baby]").text()).isEqualTo(baby.name().zh());
			assertThat(Jsoup.parse(html("/", ENGLISH)).select("a[href=/life-events/baby]").text())
				.isEqualTo(baby.name().en());
		}
	}

	@Test
	void anotherNodesPublishAndWithdrawalReachTheRenderedPagesAfterTheSync() throws Exception {
		catalog.publish("test", "TR-TST-111",
				catalog.save("test", permit("TR-TST-111", "测试渲染停车证一", "Rendered parking permit one")));
		assertThat(html("/services/TR-TST-111")).contains("测试渲染停车证一");
		assertThat(html("/search?q=测试渲染停车证")).contains("测试渲染停车证一");

		// What another node's publish leaves in the database: the version and the change
		// log; no event here.
		transactions.executeWithoutResult(tx -> {
			int version = store.saveVersion(permit("TR-TST-111", "测试渲染停车证二", "Rendered parking permit two"),
					"other-node", catalog.latest("TR-TST-111").orElseThrow().savedAt());
			store.publish("TR-TST-111", version, catalog.latest("TR-TST-111").orElseThrow().savedAt());
			store.recordChange(Change.Kind.MATTER, List.of("TR-TST-111"));
		});
		sync.sync();
		assertThat(html("/services/TR-TST-111")).contains("测试渲染停车证二").doesNotContain("测试渲染停车证一");
		assertThat(html("/search?q=测试渲染停车证")).contains("测试渲染停车证二").doesNotContain("测试渲染停车证一");

		transactions.executeWithoutResult(tx -> {
			store.withdraw("TR-TST-111", catalog.latest("TR-TST-111").orElseThrow().savedAt());
			store.recordChange(Change.Kind.MATTER, List.of("TR-TST-111"));
		});
		sync.sync();
		mvc.perform(get("/services/TR-TST-111")).andExpect(status().isNotFound());
		// The query itself is in the page's title; the matter is not.
		assertThat(html("/search?q=测试渲染停车证")).doesNotContain("测试渲染停车证二");
	}

	@Test
	void draftsAreNeverServed() throws Exception {
		catalog.publish("test", "TR-TST-112",
				catalog.save("test", permit("TR-TST-112", "测试草稿停车证一", "Draft parking permit one")));
		assertThat(html("/services/TR-TST-112")).contains("测试草稿停车证一");
		catalog.save("test", permit("TR-TST-112", "测试草稿停车证二", "Draft parking permit two"));
		catalog.save("test", permit("TR-TST-113", "测试草稿停车证三", "Draft parking permit three"));
		sync.sync();
		assertThat(html("/services/TR-TST-112")).contains("测试草稿停车证一").doesNotContain("测试草稿停车证二");
		assertThat(html("/search?q=测试草稿停车证")).contains("测试草稿停车证一")
			.doesNotContain("测试草稿停车证二")
			.doesNotContain("测试草稿停车证三");
		mvc.perform(get("/services/TR-TST-113")).andExpect(status().isNotFound());
		// Published test matters would be found by every later test's searches (the
		// assistant's evaluation among them): withdrawn again.
		catalog.withdraw("test", "TR-TST-112");
	}

	@Test
	void nothingOfWhoIsSignedInIsKeptInTheHomePage() throws Exception {
		Cookie citizen = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "li.na").param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		for (int i = 0; i < 2; i++) {
			Document signedIn = Jsoup.parse(html("/", citizen));
			assertThat(signedIn.select("#account-heading")).isEmpty();
			assertThat(signedIn.select(".onestop-section a[href=/complaints]")).hasSize(1);
			assertThat(signedIn.select("a[href^=/life-events/]")).hasSize(7);
			Document anonymous = Jsoup.parse(html("/"));
			assertThat(anonymous.select("#account-heading")).hasSize(1);
			assertThat(anonymous.select(".onestop-section a[href=/complaints]")).isEmpty();
			assertThat(anonymous.select("a[href^=/life-events/]")).hasSize(7);
		}
	}

}
