package org.onestop.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What HTML an e-mail template may hold: simple text markup and links, nothing that runs,
 * styles or loads. Links are kept so the rules can refuse any that lead off OneStop.
 */
final class TemplateHtml {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "div", "h2", "h3", "ul", "ol", "li", "br", "strong", "em", "b", "i", "small", "table", "tr",
				"th", "td")
		.allowElements("a")
		.allowUrlProtocols("https", "http")
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.toFactory();

	private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

	private TemplateHtml() {
	}

	static String sanitize(String html) {
		return POLICY.sanitize(html == null ? "" : html);
	}

	/** Every link target in sanitised HTML, entities as the sanitiser wrote them. */
	static List<String> hrefs(String sanitized) {
		List<String> hrefs = new ArrayList<>();
		Matcher m = HREF.matcher(sanitized);
		while (m.find()) {
			hrefs.add(m.group(1).replace("&#61;", "=").replace("&amp;", "&").replace("&#64;", "@"));
		}
		return hrefs;
	}

}
