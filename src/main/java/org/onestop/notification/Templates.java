package org.onestop.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.platform.Messages;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Message kinds and their templates, kept as data. Rendering replaces each
 * {@code ((field))} with the message's value for it, in the reader's language, and
 * {@code ((site))} with OneStop's public address. Values are made safe for where they
 * land: HTML-escaped in an e-mail's HTML, on one line and without control characters in
 * an SMS or a subject.
 */
@Service
class Templates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-z_]+)\\)\\)");

	private final TemplateStore store;

	private final Messages messages;

	private final TemplateRules rules;

	private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

	Templates(TemplateStore store, Messages messages, TemplateRules rules) {
		this.store = store;
		this.messages = messages;
		this.rules = rules;
	}

	/**
	 * Kinds change only by migration, so each node keeps those it has read; a kind not
	 * found is asked for again next time.
	 */
	Optional<Kind> kind(String template) {
		Kind known = kinds.get(template);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Kind> read = store.kind(template);
		read.ifPresent(k -> kinds.put(template, k));
		return read;
	}

	/** A kind's templates in one language, every channel read in one query. */
	KindTemplates templates(Kind kind, Locale language) {
		return new KindTemplates(kind, language, store.templates(kind.template(), language.getLanguage()));
	}

	/** The templates of one kind and language, ready to render a message. */
	final class KindTemplates {

		private final Kind kind;

		private final Locale language;

		private final Map<Channel, TemplateStore.StoredTemplate> byChannel;

		private KindTemplates(Kind kind, Locale language, Map<Channel, TemplateStore.StoredTemplate> byChannel) {
			this.kind = kind;
			this.language = language;
			this.byChannel = byChannel;
		}

		/**
		 * The message rendered for a channel, or empty when the kind has no template for
		 * it (then the message does not go out on that channel). The inbox always
		 * renders: without a template of its own it uses the message bundle, as the inbox
		 * page does.
		 */
		Optional<Rendered> render(Channel channel, List<String> arguments) {
			Map<String, String> values = values(kind, arguments, language);
			TemplateStore.StoredTemplate t = byChannel.get(channel);
			if (t == null && channel == Channel.INBOX) {
				Object[] shown = arguments.stream().map(a -> Message.shown(a, language)).toArray();
				return Optional.of(new Rendered(messages.get(language, kind.template(), shown),
						messages.get(language, kind.template(), shown), null, null, values));
			}
			return Optional.ofNullable(t)
				.map(found -> Templates.this.render(channel, new TemplateDraft(found.subject(), found.body(),
						found.htmlBody(), found.providerTemplateCode()), values));
		}

	}

	/** A draft rendered with these values (by field name), as it would go out. */
	Rendered render(Channel channel, TemplateDraft draft, Map<String, String> values) {
		Map<String, String> all = rules.withSite(values);
		return switch (channel) {
			case INBOX -> {
				String line = fill(draft.body(), all, Templates::oneLine);
				yield new Rendered(line, line, null, null, values);
			}
			case SMS -> new Rendered(null, rules.signed(fill(draft.body(), all, Templates::oneLine)), null,
					draft.providerTemplateCode(), values);
			case EMAIL -> new Rendered(fill(draft.subject(), all, Templates::oneLine),
					fill(draft.body(), all, UnaryOperator.identity()),
					fill(draft.htmlBody(), all, v -> HtmlUtils.htmlEscape(v, "UTF-8")), null, values);
		};
	}

	/**
	 * The inbox lines administrators wrote for these kinds in one language, by kind: one
	 * query for a whole inbox page.
	 */
	InboxLines inboxLines(Collection<String> templates, Locale language) {
		return new InboxLines(store.inboxTemplates(templates, language.getLanguage()), language);
	}

	/**
	 * The inbox lines of one page; a kind without one keeps the message bundle's text.
	 */
	final class InboxLines {

		private final Map<String, TemplateStore.InboxTemplate> lines;

		private final Locale language;

		private InboxLines(Map<String, TemplateStore.InboxTemplate> lines, Locale language) {
			this.lines = lines;
			this.language = language;
		}

		Optional<String> line(String template, List<String> arguments) {
			return Optional.ofNullable(lines.get(template))
				.map(t -> render(Channel.INBOX, new TemplateDraft(null, t.body(), null, null),
						values(t.kind(), arguments, language))
					.subject());
		}

	}

	static Map<String, String> values(Kind kind, List<String> arguments, Locale language) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < kind.fields().size(); i++) {
			values.put(kind.fields().get(i), i < arguments.size() ? Message.shown(arguments.get(i), language) : "");
		}
		return values;
	}

	static String fill(String text, Map<String, String> values) {
		return fill(text, values, UnaryOperator.identity());
	}

	/**
	 * One pass over the text, so that a value which itself looks like a placeholder is
	 * shown as it is, not filled in turn.
	 */
	private static String fill(String text, Map<String, String> values, UnaryOperator<String> safe) {
		if (text == null) {
			return null;
		}
		return PLACEHOLDER.matcher(text).replaceAll(m -> {
			String value = values.get(m.group(1));
			return Matcher.quoteReplacement(
					values.containsKey(m.group(1)) ? (value == null ? "" : safe.apply(value)) : m.group());
		});
	}

	/**
	 * A value on one line, without control characters: it cannot break a text or a
	 * header.
	 */
	static String oneLine(String value) {
		return value.replaceAll("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E]+", " ").strip();
	}

}
