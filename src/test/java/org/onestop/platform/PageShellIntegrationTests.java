package org.onestop.platform;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The page shell: languages, large text, one h1, skip link, and the security headers. */
@IntegrationTest
class PageShellIntegrationTests {

	@Autowired
	MockMvc mvc;

	private Document page(String path, Cookie... cookies) throws Exception {
		var request = get(path);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return Jsoup
			.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	@Test
	void pagesAreChineseFirstWithOneHeadingAndASkipLink() throws Exception {
		for (String path : new String[] { "/", "/sign-in", "/register" }) {
			Document page = page(path);
			assertThat(page.select("html").attr("lang")).isEqualTo("zh-CN");
			assertThat(page.select("h1")).as(path).hasSize(1);
			assertThat(page.select("a.govuk-skip-link").attr("href")).isEqualTo("#main-content");
			assertThat(page.select("main#main-content")).hasSize(1);
			assertThat(page.select("a.onestop-person")).as("talk to a person on " + path).hasSize(1);
		}
	}

	@Test
	void theLanguageSwitchIsRememberedInACookie() throws Exception {
		mvc.perform(get("/sign-in").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(cookie().value("onestop_lang", "en"));
		Document english = page("/", new Cookie("onestop_lang", "en"));
		assertThat(english.select("html").attr("lang")).isEqualTo("en");
		assertThat(english.select("h1").text()).isEqualTo("Government services, in one place");
		assertThat(english.select(".onestop-toolbar a[hreflang=zh-CN]").attr("href")).isEqualTo("/?lang=zh-CN");
	}

	@Test
	void largeTextIsSwitchedOnFromAnyPageAndRemembered() throws Exception {
		mvc.perform(post("/preferences/text-size").with(csrf()).param("large", "true").param("returnTo", "/register"))
			.andExpect(redirectedUrl("/register"))
			.andExpect(cookie().value("onestop_text", "large"));
		assertThat(page("/sign-in", new Cookie("onestop_text", "large")).select("body").hasClass("onestop-large-text"))
			.isTrue();
		assertThat(page("/sign-in").select("body").hasClass("onestop-large-text")).isFalse();
	}

	@Test
	void theTextSizeSwitchNeverRedirectsOffSite() throws Exception {
		for (String target : new String[] { "https://evil.example", "//evil.example", "/\\evil.example",
				"javascript:x" }) {
			mvc.perform(post("/preferences/text-size").with(csrf()).param("large", "true").param("returnTo", target))
				.andExpect(redirectedUrl("/"));
		}
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void anonymousVisitorsGetNoServerSession() throws Exception {
		// The CSRF token travels in its own cookie, so a home-page visit writes no
		// session row.
		assertThat(mvc.perform(get("/")).andReturn().getRequest().getSession(false)).isNull();
	}

	@Test
	void switchingLanguageKeepsAChineseSearchIntact() throws Exception {
		Document results = Jsoup.parse(mvc.perform(get(java.net.URI.create("/services?q=%E8%BA%AB%E4%BB%BD%E8%AF%81")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(results.select(".onestop-toolbar a[hreflang=en]").attr("href"))
			.isEqualTo("/services?q=%E8%BA%AB%E4%BB%BD%E8%AF%81&lang=en");
		assertThat(results.select("input[name=returnTo]").attr("value"))
			.isEqualTo("/services?q=%E8%BA%AB%E4%BB%BD%E8%AF%81");
	}

	@Test
	void visitingTheSignInPageCreatesNoSession() throws Exception {
		assertThat(mvc.perform(get("/sign-in")).andReturn().getRequest().getSession(false)).isNull();
	}

	@Test
	void theSessionCookieIsSecureAndHttpOnly() throws Exception {
		var response = mvc
			.perform(post("/sign-in").with(csrf()).param("username", "li.na").param("password", "demo12345"))
			.andReturn()
			.getResponse();
		assertThat(response.getHeaders("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("ONESTOP_SESSION=")
			.contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax"));
	}

}
