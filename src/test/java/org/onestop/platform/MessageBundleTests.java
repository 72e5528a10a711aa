package org.onestop.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in both languages, and every key the code names exists. */
class MessageBundleTests {

	private static final Pattern KEY_IN_CODE = Pattern.compile(
			"(?:\\.t\\(|message = |Key\\(|Exception\\(\\s*(?:HttpStatus\\.\\w+,\\s*)?(?:\"\\w+\",\\s*)?)\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9_-]+)+)\"");

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages", name))) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("messages.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages_en.properties").stringPropertyNames());
	}

	@Test
	void noTextIsEmpty() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames())
				.allSatisfy(key -> assertThat(properties.getProperty(key)).as(bundle + " " + key).isNotBlank());
		}
	}

	@Test
	void everyLiteralKeyInCodeAndTemplatesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> used = new HashSet<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
				Files.walk(Path.of("src/main/jte")))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = KEY_IN_CODE.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(40);
		assertThat(keys).containsAll(used);
	}

}
