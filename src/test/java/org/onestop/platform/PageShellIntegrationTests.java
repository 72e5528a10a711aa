package org.onestop.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
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

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	private static final String SESSION = "ONESTOP_SESSION=";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
	void govukTypefaceRequestsGetAPlainNotFoundNotTheSignInPage() throws Exception {
		// GOV.UK's CSS names /assets/fonts/…; we do not serve GDS Transport (GOV.UK
		// only).
		mvc.perform(get("/assets/fonts/light-94a07e06a1-v2.woff2")).andExpect(status().isNotFound());
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
		// session row. Asked over real HTTP: MockMvc's security test support makes
		// a session of its own, and the mock request's session is always null behind
		// Spring Session's wrapper, so neither can tell.
		assertCreatesNoSession("/");
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
		assertCreatesNoSession("/sign-in");
	}

	@Test
	void signingInDoesCreateASessionCookieAndRow() throws Exception {
		// The control for the two tests above: the same checks see a session when one
		// is made.
		Citizen citizen = accounts.register(residents.aged(40).create());
		HttpResponse<String> signInPage = http.send(request("/sign-in").build(), BodyHandlers.ofString());
		String csrfCookie = signInPage.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("XSRF-TOKEN="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		String csrfField = Jsoup.parse(signInPage.body()).select("input[name=_csrf]").attr("value");
		String form = "username=" + encode(citizen.username()) + "&password=" + encode(citizen.password()) + "&_csrf="
				+ encode(csrfField);
		long before = System.currentTimeMillis();
		HttpResponse<Void> signedIn = http.send(request("/sign-in").header("Cookie", csrfCookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.discarding());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(SESSION));
		assertThat(sessionRowsSince(before)).isOne();
	}

	private void assertCreatesNoSession(String path) throws Exception {
		long before = System.currentTimeMillis();
		HttpResponse<Void> response = http.send(request(path).build(), BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by " + path)
			.noneSatisfy(c -> assertThat(c).startsWith(SESSION));
		assertThat(sessionRowsSince(before)).as("spring_session rows made by " + path).isZero();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Sessions made from this moment on: a plain count would also see the expired
	 * sessions that Spring Session's cleanup removes meanwhile. The cleanup and the stamp
	 * both use the real time, not the platform's clock.
	 */
	private int sessionRowsSince(long millis) {
		return db.sql("SELECT count(*) FROM spring_session WHERE creation_time >= :t")
			.param("t", millis)
			.query(Integer.class)
			.single();
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
