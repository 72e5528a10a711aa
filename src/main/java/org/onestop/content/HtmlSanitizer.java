package org.onestop.content;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What HTML a notice may contain: paragraphs, headings (an h1 becomes an h2, as the page
 * has its own), lists, tables, quotations, inline formatting and links (which pass no
 * referrer and open no window). Scripts, event handlers, styles, images, frames and forms
 * are removed, whatever is pasted.
 */
final class HtmlSanitizer {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "div", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "hr", "br",
				"strong", "em", "b", "i", "u", "s", "sub", "sup", "small", "code", "pre", "table", "thead", "tbody",
				"tfoot", "tr", "th", "td", "caption")
		.allowElements((name, attributes) -> "h2", "h1")
		.allowAttributes("colspan", "rowspan", "scope")
		.onElements("th", "td")
		.allowElements("a")
		.allowUrlProtocols("https", "http", "mailto", "tel")
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer", "nofollow")
		.toFactory();

	private HtmlSanitizer() {
	}

	static String sanitize(String html) {
		return POLICY.sanitize(html == null ? "" : html);
	}

}
