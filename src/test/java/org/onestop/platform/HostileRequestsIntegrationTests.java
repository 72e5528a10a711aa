package org.onestop.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.IntegrationTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker sends that no browser does — a NUL in a multipart file name, raw UTF-8
 * bytes in a header, a forged Host — gets a 4xx in the app's own words (a problem on the
 * API, the error page elsewhere) and one log line, never a 500 or a stack trace. Raw
 * sockets, because the behaviour lives in Tomcat and the filters, and because an HTTP
 * client would refuse to send such bytes.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsIntegrationTests {

	private static final String BOUNDARY = "----hostile";

	@LocalServerPort
	int port;

	@Test
	void aNulInAMultipartFileNameIsABadRequestOnAnyUrl(CapturedOutput log) throws Exception {
		byte[] body = multipart(1, "a\u0000b");
		String api = send("GET", "/api/v1/services", "Content-Type: multipart/form-data; boundary=" + BOUNDARY, body);
		assertThat(statusOf(api)).isEqualTo(400);
		assertThat(api).contains("application/problem+json").contains("\"status\":400");
		for (String page : new String[] { "/", "/sign-in", "/halls/HALL-CITY/kiosk" }) {
			String answer = send("GET", page, "Content-Type: multipart/form-data; boundary=" + BOUNDARY, body);
			assertThat(statusOf(answer)).as(page).isEqualTo(400);
			assertThat(answer).as(page).contains("text/html");
		}
		assertNoTrace(log);
	}

	@Test
	void tooManyPartsOrNoBoundaryIsABadRequest(CapturedOutput log) throws Exception {
		String many = send("GET", "/api/v1/services", "Content-Type: multipart/form-data; boundary=" + BOUNDARY,
				multipart(60, "a.txt"));
		assertThat(statusOf(many)).isIn(400, 413);
		assertThat(many).contains("application/problem+json");
		String unbounded = send("GET", "/api/v1/services", "Content-Type: multipart/form-data", multipart(1, "a.txt"));
		assertThat(statusOf(unbounded)).isEqualTo(400);
		assertThat(unbounded).contains("application/problem+json");
		assertNoTrace(log);
	}

	@Test
	void rawBytesInAHeaderTheControllerReadsAreABadRequest(CapturedOutput log) throws Exception {
		String answer = send("POST", "/api/v1/assistant/conversations",
				"X-Conversation-Token: 中文\r\n" + "Content-Type: application/json",
				"{}".getBytes(StandardCharsets.UTF_8));
		assertThat(statusOf(answer)).isEqualTo(400);
		assertThat(answer).contains("application/problem+json");
		assertNoTrace(log);
	}

	@Test
	void whatTheFirewallRejectsInTheFilterChainIsABadRequest(CapturedOutput log) throws Exception {
		String api = send("GET", "/api/v1/services;x=1", null, null);
		assertThat(statusOf(api)).isEqualTo(400);
		assertThat(api).contains("application/problem+json");
		assertThat(statusOf(send("GET", "/services;x=1", null, null))).isEqualTo(400);
		assertNoTrace(log);
	}

	@Test
	void rawBytesInAcceptLanguageFallBackToChinese(CapturedOutput log) throws Exception {
		String answer = send("GET", "/api/v1/services?q=%00", "Accept-Language: 中文", null);
		assertThat(statusOf(answer)).isEqualTo(400);
		assertThat(answer).contains("application/problem+json").contains("请求有误");
		assertThat(statusOf(send("GET", "/", "Accept-Language: 中文", null))).isEqualTo(200);
		assertNoTrace(log);
		assertThat(log.toString()).doesNotContain("WARN");
	}

	@Test
	void theErrorPathItselfIsNotAServerError() throws Exception {
		assertThat(statusOf(send("GET", "/error", null, null))).isEqualTo(404);
	}

	@Test
	void aForgedHostDoesNotComeBackInARedirect() throws Exception {
		String answer = send("GET", "/account", "X-Ignored: 1", null, "evil.example");
		assertThat(statusOf(answer)).isEqualTo(302);
		assertThat(header(answer, "Location")).doesNotContain("evil.example").contains("/sign-in");
	}

	// A request line over 8 KB is refused by the HTTP parser before any valve runs: still
	// Tomcat's own answer.
	@Test
	void pathsTomcatRefusesAreProblemsUnderTheApi() throws Exception {
		for (String path : new String[] { "/api/v1/services/a%00b", "/api/v1/services/a%2Fb", "/api/v1/services/a%5Cb",
				"/api/v1/services/a%ffb" }) {
			String answer = send("GET", path, "Accept-Language: en", null);
			assertThat(statusOf(answer)).as(path).isBetween(400, 499);
			assertThat(answer).as(path).contains("application/problem+json").doesNotContain("Apache Tomcat");
		}
	}

	private static void assertNoTrace(CapturedOutput log) {
		assertThat(log.toString()).doesNotContain("\tat ").doesNotContain(" ERROR ");
	}

	private static byte[] multipart(int parts, String fileName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < parts; i++) {
			out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f" + i + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: text/plain\r\n\r\nx\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private String send(String method, String path, String headers, byte[] body) throws IOException {
		return send(method, path, headers, body, "127.0.0.1:" + port);
	}

	/**
	 * One request over a raw socket, header bytes as UTF-8 (so raw non-ASCII bytes),
	 * answer as UTF-8 text.
	 */
	private String send(String method, String path, String headers, byte[] body, String host) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			StringBuilder head = new StringBuilder(
					method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\nConnection: close\r\n");
			if (headers != null) {
				head.append(headers).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static int statusOf(String answer) {
		return Integer.parseInt(answer.substring(9, 12));
	}

	private static String header(String answer, String name) {
		for (String line : answer.split("\r\n")) {
			if (line.isEmpty()) {
				break;
			}
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).trim();
			}
		}
		return "";
	}

}
