package org.onestop.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds kept as data match the code that sends them: every subject key sent through
 * the inbox has a kind, every kind's fields match its bundle text's placeholders, and
 * every seeded template passes the rules an administrator's edit must pass.
 */
@IntegrationTest
class TemplateKindsIntegrationTests {

	/**
	 * Where a subject key is handed to the inbox: directly or through a module's notices
	 * helper.
	 */
	private static final Pattern SENDING = Pattern
		.compile("new Message\\(|\\b\\w*[nN]otices\\.\\w+\\(|\\bsend\\(username, |\\btell\\(mandate, ");

	private static final Pattern LITERAL = Pattern
		.compile("\"((?:[^\"\\\\]|\\\\.)*)\"((?:\\s*\\+\\s*\\w+\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	@Autowired
	TemplateStore store;

	@Autowired
	TemplateRules rules;

	@Test
	void everyKindNamesAFieldForEachPlaceholderOfItsMessageInBothLanguages() throws IOException {
		Map<String, Properties> bundles = Map.of("zh", bundle("messages.properties"), "en",
				bundle("messages_en.properties"));
		List<String> drift = new ArrayList<>();
		for (TemplateStore.SampledKind sampled : seeded()) {
			Kind kind = sampled.kind();
			if (kind.topic() == Topic.CODES) {
				// Codes are texted or e-mailed, never put in the inbox: their words live
				// only in templates.
				continue;
			}
			bundles.forEach((language, bundle) -> {
				String text = bundle.getProperty(kind.template());
				int placeholders = text == null ? -1 : placeholders(text);
				if (placeholders != kind.fields().size()) {
					drift.add(kind.template() + " (" + language + "): " + kind.fields() + " but " + placeholders);
				}
			});
			if (!sampled.samplesZh().isEmpty() || !sampled.samplesEn().isEmpty()) {
				assertThat(sampled.samplesZh()).as(kind.template()).hasSameSizeAs(kind.fields());
				assertThat(sampled.samplesEn()).as(kind.template()).hasSameSizeAs(kind.fields());
			}
		}
		assertThat(drift).as("kinds whose fields differ from their message's placeholders").isEmpty();
	}

	@Test
	void everySubjectKeyTheCodeSendsHasAKind() throws IOException {
		Properties bundle = bundle("messages_en.properties");
		Set<String> kinds = store.kinds().stream().map(k -> k.kind().template()).collect(Collectors.toSet());
		Set<String> sent = sentKeys(bundle);
		assertThat(sent).as("keys found in the code's sending calls")
			.contains("application.notice.named.supplement", "mandate.inbox.revoked.grantor",
					"complaint.notice.reporter.dispatched", "identity.notice.phone-changed");
		Set<String> missing = new TreeSet<>(sent);
		missing.removeIf(key -> key.startsWith("queue.") || kinds.contains(key));
		assertThat(missing).as("subject keys sent through Inbox.send without a notification_kind").isEmpty();
	}

	@Test
	void everyCitizenKindHasAnSmsAndAnEmailInBothLanguagesThatPassTheRules() {
		for (TemplateStore.SampledKind sampled : seeded()) {
			Kind kind = sampled.kind();
			if (kind.topic() == Topic.STAFF_WORK) {
				continue;
			}
			// A code goes out on the one channel it proves: SMS for a phone, e-mail for
			// an address.
			List<Channel> channels = kind.topic() != Topic.CODES ? List.of(Channel.SMS, Channel.EMAIL)
					: List.of(kind.template().startsWith("identity.code.") ? Channel.SMS : Channel.EMAIL);
			for (Channel channel : channels) {
				for (String language : List.of("zh", "en")) {
					TemplateStore.StoredTemplate t = store.template(kind.template(), channel, language).orElse(null);
					assertThat(t).as(kind.template() + " " + channel + " " + language).isNotNull();
					List<String> samples = language.equals("zh") ? sampled.samplesZh() : sampled.samplesEn();
					rules.check(kind, channel,
							new TemplateDraft(t.subject(), t.body(), t.htmlBody(), t.providerTemplateCode()),
							Templates.values(kind, samples, java.util.Locale.forLanguageTag(language)));
				}
			}
		}
	}

	/**
	 * Every bundle key written as a literal in a sending call; a key put together from
	 * parts ({@code "mandate.inbox." + what + ".grantor"}) stands for every bundle key of
	 * that shape.
	 */
	private static Set<String> sentKeys(Properties bundle) throws IOException {
		Set<String> keys = new TreeSet<>();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			sources = files.filter(p -> p.toString().endsWith(".java")).toList();
		}
		// The helpers that wrap Inbox.send (CitizenNotices …) are the classes that import
		// Message; a class qualifies when it sends itself or holds one of them.
		Set<String> helpers = new TreeSet<>();
		for (Path source : sources) {
			if (Files.readString(source).contains("import org.onestop.notification.Message;")) {
				helpers.add(source.getFileName().toString().replace(".java", ""));
			}
		}
		for (Path source : sources) {
			String code = Files.readString(source);
			if (!code.contains("import org.onestop.notification.Message;")
					&& helpers.stream().noneMatch(h -> h.endsWith("Notices") && code.contains(h + " "))) {
				continue;
			}
			Matcher call = SENDING.matcher(code);
			while (call.find()) {
				int end = code.indexOf(';', call.end());
				Matcher literal = LITERAL.matcher(code.substring(call.end(), end < 0 ? code.length() : end));
				while (literal.find()) {
					String shape = literal.group(0).replaceAll("\"\\s*\\+\\s*\\w+\\s*\\+\\s*\"", "\u0000");
					shape = shape.substring(1, shape.length() - 1);
					Pattern pattern = Pattern.compile(Pattern.quote(shape).replace("\u0000", "\\E[^.]+\\Q"));
					bundle.stringPropertyNames()
						.stream()
						.filter(key -> pattern.matcher(key).matches())
						.forEach(keys::add);
				}
			}
		}
		return keys;
	}

	/**
	 * The kinds the migrations keep; tests make kinds of their own under {@code test.}.
	 */
	private List<TemplateStore.SampledKind> seeded() {
		return store.kinds().stream().filter(k -> !k.kind().template().startsWith("test.")).toList();
	}

	private static int placeholders(String text) {
		Matcher m = PLACEHOLDER.matcher(text);
		int count = 0;
		while (m.find()) {
			count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
		}
		return count;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TemplateKindsIntegrationTests.class.getResourceAsStream("/messages/" + name)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
