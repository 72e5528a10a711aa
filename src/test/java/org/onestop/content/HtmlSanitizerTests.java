package org.onestop.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever an editor pastes, nothing executable reaches a reader. */
class HtmlSanitizerTests {

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"<a href=\"javascript:alert(1)\">x</a>", "<p onclick=\"alert(1)\">x</p>",
			"<iframe src=\"https://evil.example\"></iframe>", "<svg onload=alert(1)>",
			"<p style=\"background:url(javascript:alert(1))\">x</p>",
			"<form action=/sign-out><button>x</button></form>",
			"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
			"<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" })
	void removesEverythingExecutable(String attack) {
		String clean = HtmlSanitizer.sanitize("<p>before</p>" + attack + "<p>after</p>").toLowerCase();
		assertThat(clean).doesNotContain("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg",
				"style=", "<form", "data:text", "<img", "<style");
		// Unclosed markup may swallow what follows it; what precedes it always survives.
		assertThat(clean).contains("before");
	}

	@Test
	void keepsOrdinaryFormattingAndMakesLinksSafe() {
		String clean = HtmlSanitizer.sanitize("""
				<h1>标题</h1><p>正文 <strong>重点</strong> <em>说明</em></p><ul><li>一</li></ul>
				<table><tr><th scope="col">项目</th></tr><tr><td>身份证</td></tr></table>
				<a href="https://www.gov.cn/">国务院</a>""");
		assertThat(clean).contains("<h2>标题</h2>")
			.doesNotContain("<h1>")
			.contains("<strong>重点</strong>")
			.contains("<em>说明</em>")
			.contains("<li>一</li>")
			.contains("<th scope=\"col\">项目</th>")
			.contains("<td>身份证</td>")
			.contains("href=\"https://www.gov.cn/\"")
			.contains("noopener")
			.contains("noreferrer")
			.contains("nofollow");
	}

}
