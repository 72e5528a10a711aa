package org.onestop.platform;

import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.stereotype.Component;

/**
 * Renders the part of a page that is the same for everyone, for a module to keep in
 * memory and serve to a crowd (the catalog's pages, the notices list). The template gets
 * a shell for nobody (no user, no CSRF token, no assets), so nothing per person can reach
 * a kept body: a template that asked who is signed in would see an anonymous visitor.
 */
@Component
public class BodiesForEveryone {

	private final TemplateEngine templates;

	private final Messages messages;

	private final PlatformProperties platform;

	BodiesForEveryone(TemplateEngine templates, Messages messages, PlatformProperties platform) {
		this.templates = templates;
		this.messages = messages;
		this.platform = platform;
	}

	/**
	 * Whether bodies in this language are worth a place in memory: the site speaks
	 * Chinese and English; any other language is rendered afresh.
	 */
	public static boolean worthKeeping(Locale locale) {
		return Locale.SIMPLIFIED_CHINESE.equals(locale) || Locale.ENGLISH.equals(locale);
	}

	/**
	 * The template rendered with {@code shell} (for nobody, at {@code path}) and
	 * {@code page} as its parameters. No assets: the bodies link no static files (the
	 * page around them does).
	 */
	public String render(String template, Locale locale, String path, Object page) {
		Shell nobody = new Shell(locale, false, null, null, path, null, messages, platform.timeZone(), null, null,
				null);
		StringOutput html = new StringOutput();
		templates.render(template, Map.of("shell", nobody, "page", page), html);
		return html.toString();
	}

}
