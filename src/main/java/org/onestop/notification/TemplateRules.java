package org.onestop.notification;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * What a template must be before it is kept: it names only fields its kind supplies (or
 * {@code ((site))}, OneStop's public address), links nowhere but OneStop, holds no
 * control characters, and fits its channel: an SMS within 500 characters with its
 * signature, an e-mail with a subject and a plain body, HTML cleaned of anything active.
 * Every fault is named at once.
 */
@Component
class TemplateRules {

	/** The field every template may use: OneStop's public address. */
	static final String SITE = "site";

	static final int SMS_MAX = 500;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]*)\\)\\)");

	private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s\"'<>（）。，]+");

	// A domain name written without scheme or www ("bit.ly/x"): a link a phone still
	// opens.
	private static final Pattern DOMAIN = Pattern
		.compile("(?i)(?<![\\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24}(?![\\w-])");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u2028\\u2029\\u202A-\\u202E]");

	private final String site;

	private final String signature;

	/** With a provider set, a text cannot go out without the code it approved. */
	private final boolean providerSet;

	TemplateRules(PlatformProperties platform, NotificationProperties properties) {
		this.site = platform.publicUrl().toString().replaceAll("/+$", "");
		this.signature = properties.sms().signature();
		this.providerSet = !properties.sms().provider().isBlank();
	}

	String site() {
		return site;
	}

	/** The SMS as sent: the signature in 【】 before the text. */
	String signed(String text) {
		return "【" + signature + "】" + text;
	}

	/** Segments an SMS of this many characters takes: 70 alone, 67 each when split. */
	static int segments(int length) {
		return length <= 70 ? 1 : (length + 66) / 67;
	}

	/**
	 * The draft as it will be kept (HTML sanitised), or a refusal naming each faulty
	 * field.
	 * @param samples the kind's sample values in the draft's language, to measure an SMS
	 */
	TemplateDraft check(Kind kind, Channel channel, TemplateDraft draft, Map<String, String> samples) {
		List<FieldProblem> problems = new ArrayList<>();
		String html = null;
		switch (channel) {
			case INBOX -> {
				if (text("body", draft.body(), 200, false, kind, problems)) {
					links("body", draft.body(), problems);
				}
			}
			case SMS -> {
				if (text("body", draft.body(), SMS_MAX, false, kind, problems)) {
					String filled = signed(Templates.fill(draft.body(), withSite(samples)));
					if (filled.length() > SMS_MAX) {
						problems.add(new FieldProblem("body", "notification.template.sms.too-long", SMS_MAX));
					}
					links("body", draft.body(), problems);
				}
				if (providerSet && (draft.providerTemplateCode() == null || draft.providerTemplateCode().isBlank())) {
					problems
						.add(new FieldProblem("providerTemplateCode", "notification.template.provider-code.required"));
				}
				else if (draft.providerTemplateCode() != null
						&& !draft.providerTemplateCode().matches("[A-Za-z0-9_-]{1,64}")) {
					problems.add(new FieldProblem("providerTemplateCode", "notification.template.provider-code"));
				}
			}
			case EMAIL -> {
				if (text("subject", draft.subject(), 200, false, kind, problems)) {
					links("subject", draft.subject(), problems);
				}
				if (text("body", draft.body(), 10_000, true, kind, problems)) {
					links("body", draft.body(), problems);
				}
				html = html(draft.htmlBody(), kind, problems);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new TemplateDraft(channel == Channel.EMAIL ? draft.subject() : null, draft.body(), html,
				channel == Channel.SMS ? draft.providerTemplateCode() : null);
	}

	/** Checks one text field; answers whether it is present and well formed. */
	private boolean text(String field, String text, int max, boolean lineBreaks, Kind kind,
			List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem(field, "notification.template." + field + ".required"));
			return false;
		}
		if (text.length() > max) {
			problems.add(new FieldProblem(field, "notification.template.too-long", max));
			return false;
		}
		if (CONTROL.matcher(text).find() || (!lineBreaks && (text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0))) {
			problems.add(new FieldProblem(field, "notification.template.control"));
			return false;
		}
		return placeholders(field, text, kind, problems);
	}

	private boolean placeholders(String field, String text, Kind kind, List<FieldProblem> problems) {
		String rest = PLACEHOLDER.matcher(text).replaceAll("");
		if (rest.contains("((") || rest.contains("))")) {
			problems.add(new FieldProblem(field, "notification.template.unbalanced"));
			return false;
		}
		Set<String> unknown = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			String name = m.group(1);
			if (!SITE.equals(name) && !kind.fields().contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			problems.add(new FieldProblem(field, "notification.template.unknown-field", String.join(", ", unknown),
					kind.fields().isEmpty() ? "-" : String.join(", ", kind.fields())));
			return false;
		}
		return true;
	}

	private void links(String field, String text, List<FieldProblem> problems) {
		String written = text.replace("((" + SITE + "))", site);
		Matcher m = URL.matcher(written);
		while (m.find()) {
			if (!onestop(m.group())) {
				problems.add(new FieldProblem(field, "notification.template.foreign-link", site));
				return;
			}
		}
		if (foreignDomain(written)) {
			problems.add(new FieldProblem(field, "notification.template.foreign-link", site));
		}
	}

	// Full links were judged already; their paths ("/form.pdf") are no domain names.
	private boolean foreignDomain(String text) {
		String host = URI.create(site).getHost();
		return DOMAIN.matcher(URL.matcher(text).replaceAll(" "))
			.results()
			.anyMatch(r -> !r.group().equalsIgnoreCase(host));
	}

	private String html(String html, Kind kind, List<FieldProblem> problems) {
		if (html == null) {
			return null;
		}
		if (html.length() > 20_000) {
			problems.add(new FieldProblem("htmlBody", "notification.template.too-long", 20_000));
			return null;
		}
		if (!placeholders("htmlBody", html, kind, problems)) {
			return null;
		}
		// The site placeholder is written out so that the sanitiser sees an absolute
		// link it can judge, and put back afterwards so that a new public address
		// applies.
		String sanitized = TemplateHtml.sanitize(html.replace("((" + SITE + "))", site));
		for (String href : TemplateHtml.hrefs(sanitized)) {
			if (!onestop(href)) {
				problems.add(new FieldProblem("htmlBody", "notification.template.foreign-link", site));
				return null;
			}
		}
		String shown = sanitized.replaceAll("href=\"[^\"]*\"", "");
		if (URL.matcher(shown).results().anyMatch(r -> !onestop(r.group())) || foreignDomain(shown)) {
			problems.add(new FieldProblem("htmlBody", "notification.template.foreign-link", site));
			return null;
		}
		if (sanitized.isBlank()) {
			problems.add(new FieldProblem("htmlBody", "notification.template.html.empty"));
			return null;
		}
		return sanitized.replace("href=\"" + site, "href=\"((" + SITE + "))");
	}

	private boolean onestop(String url) {
		return url.equals(site) || url.startsWith(site + "/") || url.startsWith(site + "?")
				|| url.startsWith(site + "#");
	}

	Map<String, String> withSite(Map<String, String> values) {
		Map<String, String> all = new LinkedHashMap<>(values);
		all.put(SITE, site);
		return all;
	}

}
