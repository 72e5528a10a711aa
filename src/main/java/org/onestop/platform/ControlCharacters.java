package org.onestop.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The one rule for control characters in what people send: none, except tab, line feed
 * and carriage return (multi-line text); and none of the bidirectional embedding,
 * override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a clerk or an
 * agent read text in another order than it was written. A NUL cannot be stored in
 * PostgreSQL text at all, and the others are never typed by a person but can hide text,
 * break logs and exports, or spoof what a clerk sees. The API refuses them (400, naming
 * the field), so that a client learns of its bug; pages strip them, because a person
 * cannot see, and so cannot remove, an invisible character pasted into a form.
 */
final class ControlCharacters {

	private ControlCharacters() {
	}

	static boolean allowed(char c) {
		return !(c < 0x20 && c != '\t' && c != '\n' && c != '\r') && !(c >= 0x7F && c <= 0x9F)
				&& !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069);
	}

	static boolean clean(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!allowed(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	static String strip(String text) {
		if (text == null || clean(text)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.chars().filter(c -> allowed((char) c)).forEach(c -> kept.append((char) c));
		return kept.toString();
	}

	/**
	 * The first request parameter (query, form or multipart field) with a control
	 * character in its name or value.
	 */
	static Optional<String> firstParameterWith(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			boolean clean = clean(parameter.getKey());
			for (String value : parameter.getValue()) {
				clean &= value == null || clean(value);
			}
			if (!clean) {
				return Optional.of(printable(parameter.getKey()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The JSON pointer of the first string (value or member name) in this JSON that holds
	 * a control character, once its escapes ({@code \u0000}) are decoded. Malformed JSON
	 * is left to the converter, which refuses it anyway.
	 */
	static Optional<String> firstJsonStringWith(JsonFactory json, byte[] body) throws IOException {
		try (InputStream in = new ByteArrayInputStream(body); JsonParser parser = json.createParser(in)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && !clean(parser.getText())) {
					return Optional.of(field(parser.getParsingContext().pathAsPointer().toString()));
				}
			}
		}
		catch (JacksonException malformed) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/**
	 * The refusal, naming the field in the detail and, as any other invalid input does,
	 * in {@code errors}.
	 */
	static ProblemException refusal(String field) {
		return new Refusal(field);
	}

	/**
	 * A JSON pointer as validation errors name fields: {@code /fields/address} is
	 * {@code fields.address}.
	 */
	private static String field(String pointer) {
		return printable((pointer.startsWith("/") ? pointer.substring(1) : pointer).replace('/', '.'));
	}

	private static final class Refusal extends InvalidInputException {

		private static final String KEY = "problem.detail.control-characters";

		Refusal(String field) {
			super(KEY, List.of(new FieldProblem(field, KEY, field)), field);
		}

	}

	/** A name fit to show back: its control characters as U+FFFD. */
	private static String printable(String name) {
		StringBuilder shown = new StringBuilder(name.length());
		name.chars().forEach(c -> shown.append(allowed((char) c) ? (char) c : '\uFFFD'));
		return shown.toString();
	}

}
