package org.onestop.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Looks up user-facing text in the message bundles, in the current request's language.
 */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String key, Object... args) {
		return get(LocaleContextHolder.getLocale(), key, args);
	}

	public String get(Locale locale, String key, Object... args) {
		return source.getMessage(key, args, key, locale);
	}

}
