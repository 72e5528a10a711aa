package org.onestop;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What must never be on screen: message keys ({@code population.name},
 * {@code appointment.page.status.已预约}, {@code ??key??}), matter codes
 * ({@code PS-ID-001}), hall codes ({@code HALL-CITY}), ids (UUIDs, even cut short), enum
 * constants ({@code COMPLAINT_FILED}) and placeholders a message left unfilled
 * ({@code {1}}). A page that shows a code on purpose (an editor's 事项编码) marks the element
 * with {@code data-code}; {@link Browser} leaves such elements out of the text it checks.
 */
final class ScreenText {

	/**
	 * The first part of every message key, and the registries' names (data item keys).
	 */
	private static final Pattern KEY = Pattern.compile("(?<![\\w.@/-])(?:" + keyPrefixes()
			+ ")\\.[a-zA-Z][\\w\\-\\u4e00-\\u9fff]*(?:\\.[\\w\\-\\u4e00-\\u9fff]+)*");

	private static final List<Pattern> CODES = List.of(KEY, Pattern.compile("\\?\\?[^?\\s]+\\?\\?"),
			Pattern.compile("(?<![\\w-])[A-Z]{2}-[A-Z]{2,4}-\\d{3}(?![\\w-])"),
			Pattern.compile("(?<![\\w-])HALL-[A-Z0-9-]+"),
			Pattern.compile("(?<![\\w-])[0-9a-f]{8}-(?:[0-9a-f]{4}|…|\\.\\.\\.)"),
			Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+(?![\\w-])"),
			Pattern.compile("(?<![\\w-])(?:DRAFT|SUBMITTED|IN_REVIEW|APPROVED|REJECTED|WITHDRAWN|BOOKED|CANCELLED"
					+ "|COMPLETED|PUBLISHED|DISPATCHED|WAITING|CALLED|SERVING|SKIPPED)(?![\\w-])"),
			Pattern.compile("\\{\\d+(?:,[^}]*)?\\}"));

	/** A document's file name (application.pdf) is not a key. */
	private static final Pattern FILE_NAME = Pattern.compile("\\.(?:pdf|jpe?g|png|gif|txt|csv|docx?|xlsx?)$",
			Pattern.CASE_INSENSITIVE);

	private ScreenText() {
	}

	/** Each code or key found in this text, with a little of the text around it. */
	static List<String> codesIn(String text) {
		List<String> found = new ArrayList<>();
		for (Pattern pattern : CODES) {
			Matcher m = pattern.matcher(text);
			while (m.find()) {
				if (pattern == KEY && FILE_NAME.matcher(m.group()).find()) {
					continue;
				}
				int from = Math.max(0, m.start() - 20);
				int to = Math.min(text.length(), m.end() + 20);
				found.add("«" + m.group() + "» in «" + text.substring(from, to).replaceAll("\\s+", " ").strip() + "»");
			}
		}
		return found;
	}

	private static String keyPrefixes() {
		Properties texts = new Properties();
		try (var in = new InputStreamReader(
				Files.newInputStream(Path.of("src/main/resources/messages/messages.properties")),
				StandardCharsets.UTF_8)) {
			texts.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		TreeSet<String> prefixes = texts.stringPropertyNames()
			.stream()
			.map(k -> k.split("\\.", 2)[0])
			.collect(Collectors.toCollection(TreeSet::new));
		prefixes.addAll(List.of("population", "marriage", "socialsecurity", "medicalinsurance", "business", "property",
				"vehicle"));
		return String.join("|", prefixes);
	}

}
