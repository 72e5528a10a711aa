package org.onestop.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.onestop.platform.Messages;
import org.springframework.stereotype.Service;

/**
 * Message kinds and their templates, kept as data. Rendering replaces each
 * {@code ((field))} with the message's value for it, in the reader's language.
 */
@Service
class Templates {

	private final TemplateStore store;

	private final Messages messages;

	private final NotificationProperties properties;

	Templates(TemplateStore store, Messages messages, NotificationProperties properties) {
		this.store = store;
		this.messages = messages;
		this.properties = properties;
	}

	Optional<Kind> kind(String template) {
		return store.kind(template);
	}

	/**
	 * The message rendered for a channel, or empty when the kind has no template for it
	 * (then the message does not go out on that channel). The inbox always renders:
	 * without a template of its own it uses the message bundle, as the inbox page does.
	 */
	Optional<Rendered> render(Kind kind, Channel channel, Locale language, List<String> arguments) {
		Map<String, String> values = values(kind, arguments, language);
		Optional<TemplateStore.StoredTemplate> template = store.template(kind.template(), channel,
				language.getLanguage());
		if (channel == Channel.INBOX && template.isEmpty()) {
			Object[] shown = arguments.stream().map(a -> Message.shown(a, language)).toArray();
			return Optional.of(new Rendered(messages.get(language, kind.template(), shown),
					messages.get(language, kind.template(), shown), null, null, values));
		}
		return template.map(t -> new Rendered(fill(t.subject(), values), body(channel, fill(t.body(), values)),
				fill(t.htmlBody(), values), t.providerTemplateCode(), values));
	}

	private String body(Channel channel, String text) {
		return channel == Channel.SMS ? "【" + properties.sms().signature() + "】" + text : text;
	}

	private static Map<String, String> values(Kind kind, List<String> arguments, Locale language) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < kind.fields().size(); i++) {
			values.put(kind.fields().get(i), i < arguments.size() ? Message.shown(arguments.get(i), language) : "");
		}
		return values;
	}

	static String fill(String text, Map<String, String> values) {
		if (text == null) {
			return null;
		}
		String filled = text;
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace("((" + value.getKey() + "))", value.getValue() == null ? "" : value.getValue());
		}
		return filled;
	}

}
