package org.onestop.notification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.LocalPath;
import org.onestop.shared.LocalizedText;

/**
 * A message for one person's inbox. It is checked when made, so that no message that
 * could send its reader off-site, or that no page could show, ever reaches the database.
 *
 * @param recipient the username of the person it is for, citizen or staff
 * @param subjectKey a message-bundle key, rendered in the reader's language when shown;
 * the sending module adds it
 * @param arguments the values for the key's placeholders, in order; a name that has a
 * Chinese and an English form (a matter's name) goes in as {@link #named(LocalizedText)}
 * and is shown in the reader's language
 * @param link where opening the message leads: a path on this site such as
 * {@code /applications/123}, or null
 * @param kind a short code for what happened, such as {@code SUPPLEMENT_REQUESTED}
 */
public record Message(String recipient, String subjectKey, List<String> arguments, String link, String kind) {

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-zA-Z0-9_-]+)+");

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	/**
	 * An argument kept in both languages, so that a reader sees the name in theirs; a
	 * missing English form shows the Chinese one.
	 */
	public static String named(LocalizedText name) {
		return name.packed();
	}

	/** An argument as the reader sees it: a {@link #named} argument in their language. */
	static String shown(String argument, Locale locale) {
		return argument == null ? null : LocalizedText.unpacked(argument).in(locale);
	}

	public Message {
		arguments = arguments == null ? List.of() : List.copyOf(arguments);
		if (recipient == null || recipient.isBlank() || recipient.length() > 100) {
			throw new InvalidInputException("recipient", "notification.message.recipient");
		}
		if (subjectKey == null || !KEY.matcher(subjectKey).matches()) {
			throw new InvalidInputException("subjectKey", "notification.message.subject-key");
		}
		if (link != null && (link.length() > 500 || !LocalPath.isLocal(link))) {
			throw new InvalidInputException("link", "notification.message.link");
		}
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new InvalidInputException("kind", "notification.message.kind");
		}
	}
}
