package org.onestop.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request floor (issue 18): what the cheapest requests must not do (make a session,
 * pass static files through the security chain) and what they must keep (security
 * headers). Asked over real HTTP, as in {@link PageShellIntegrationTests}: MockMvc cannot
 * see Spring Session's cookie or a static file's real headers.
 */
@IntegrationTest
class RequestFloorIntegrationTests {

	private static final String SESSION = "ONESTOP_SESSION=";

	private static final String HASHED = ".*-[0-9a-f]{32}\\.(css|js|ico)$";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void statelessApiCallsAndAnonymousPagesMakeNoSession() throws Exception {
		String token = Tokens.of(mvc, "li.na");
		long before = System.currentTimeMillis();
		List<HttpResponse<String>> responses = List.of(
				send(request("/api/v1/me").header("Authorization", "Bearer " + token)),
				send(request("/api/v1/notices")), send(request("/notices").header("Accept", "text/html")),
				send(request("/").header("Accept", "text/html")));
		for (HttpResponse<String> response : responses) {
			assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by " + response.uri())
				.noneSatisfy(c -> assertThat(c).startsWith(SESSION));
		}
		assertThat(db.sql("SELECT count(*) FROM spring_session WHERE creation_time >= :t")
			.param("t", before)
			.query(Integer.class)
			.single()).as("spring_session rows made").isZero();
	}

	@Test
	void pagesLinkStaticFilesByContentHashAndBrowsersKeepThemAYear() throws Exception {
		Document home = Jsoup.parse(send(request("/").header("Accept", "text/html")).body());
		List<String> links = home.select("link[rel=stylesheet], script[src], link[rel=icon]")
			.stream()
			.map(e -> e.hasAttr("src") ? e.attr("src") : e.attr("href"))
			.toList();
		assertThat(links).hasSizeGreaterThanOrEqualTo(4).allSatisfy(link -> assertThat(link).matches(HASHED));
		assertThat(links).anySatisfy(link -> assertThat(link).startsWith("/webjars/govuk-frontend/"));
		for (String link : links) {
			HttpResponse<String> file = send(request(link));
			assertThat(file.statusCode()).as(link).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(link)
				.hasValue("max-age=31536000, public, immutable");
			assertThat(file.headers().firstValue("X-Content-Type-Options")).as(link).hasValue("nosniff");
			// Past the security chain: no CSRF cookie, no session, for a file.
			assertThat(file.headers().allValues("Set-Cookie")).as(link).isEmpty();
		}
	}

	@Test
	void aStaticFileByAPlainPathOrAnUnknownDigestIsNotKeptForLong() throws Exception {
		HttpResponse<String> plain = send(request("/css/onestop.css"));
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
		// A digest this node does not have: another node's newer release, say.
		HttpResponse<String> unknown = send(request("/css/onestop-0123456789abcdef0123456789abcdef.css"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void pagesAndTheApiStillCarryTheirSecurityHeaders() throws Exception {
		HttpResponse<String> page = send(request("/notices").header("Accept", "text/html"));
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		// The page's forms still carry a CSRF token, from its own cookie.
		assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
		HttpResponse<String> api = send(
				request("/api/v1/me").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na")));
		assertThat(api.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
		assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void aPageIsWrittenWholeInUtf8WithItsLength() throws Exception {
		HttpResponse<byte[]> page = http.send(request("/notices").header("Accept", "text/html").build(),
				BodyHandlers.ofByteArray());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
		assertThat(page.headers().firstValue("Content-Length")).hasValue(String.valueOf(page.body().length));
		String html = new String(page.body(), StandardCharsets.UTF_8);
		assertThat(html).contains("一网通办").contains("社会保障卡线上申领指南");
		assertThat(html.strip()).endsWith("</html>");
	}

	@Test
	void anApiCallWithoutATokenIsStillRefused() throws Exception {
		HttpResponse<String> refused = send(request("/api/v1/me"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(send(request("/api/v1/me").header("Authorization", "Bearer not-a-token")).statusCode())
			.isEqualTo(401);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
