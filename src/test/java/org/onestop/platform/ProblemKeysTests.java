package org.onestop.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem the code can answer has its title and detail in both languages: a
 * problem's title is {@code problem.title.<status>} for whatever status it carries, so a
 * status without one showed the raw key.
 */
class ProblemKeysTests {

	/**
	 * What Spring MVC itself answers with, through ProblemAdvice
	 * (ResponseEntityExceptionHandler).
	 */
	private static final Set<Integer> SPRING_STATUSES = Set.of(400, 404, 405, 406, 413, 415, 500, 503);

	private static final Pattern STATUS = Pattern.compile("HttpStatus\\.([A-Z_]+)");

	private static final Pattern STATUS_AND_KEY = Pattern
		.compile("HttpStatus\\.[A-Z_]+,\\s*\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");

	private static final Pattern PROBLEM_KEY = Pattern.compile("\"(problem\\.(?:title|detail)\\.[\\w-]+)\"");

	private static final Pattern PAGE_STATUSES = Pattern.compile("case ([0-9, ]+) -> status;");

	@Test
	void everyErrorStatusHasATitleAndEveryProblemKeyResolves() throws IOException {
		Set<Integer> statuses = new TreeSet<>(SPRING_STATUSES);
		Set<String> keys = new TreeSet<>();
		for (String source : mainSources()) {
			Matcher status = STATUS.matcher(source);
			while (status.find()) {
				int code = HttpStatus.valueOf(status.group(1)).value();
				if (code >= 400) {
					statuses.add(code);
				}
			}
			Matcher key = STATUS_AND_KEY.matcher(source);
			while (key.find()) {
				keys.add(key.group(1));
			}
			Matcher literal = PROBLEM_KEY.matcher(source);
			while (literal.find()) {
				keys.add(literal.group(1));
			}
			// the error page and ErrorPageController's problems show problem.title.N and
			// problem.detail.N
			Matcher page = PAGE_STATUSES.matcher(source);
			while (page.find()) {
				for (String code : page.group(1).split(",\\s*")) {
					statuses.add(Integer.parseInt(code.strip()));
					keys.add("problem.detail." + code.strip());
				}
			}
		}
		statuses.forEach(code -> keys.add("problem.title." + code));

		assertThat(statuses).contains(422, 503);
		assertThat(keys).hasSizeGreaterThan(30);
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties texts = load(bundle);
			assertThat(keys).as(bundle)
				.allSatisfy(k -> assertThat(texts.getProperty(k)).as(bundle + ": " + k).isNotBlank());
		}
	}

	private static Iterable<String> mainSources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			return files.filter(f -> f.toString().endsWith(".java")).map(ProblemKeysTests::read).toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages", name)),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
