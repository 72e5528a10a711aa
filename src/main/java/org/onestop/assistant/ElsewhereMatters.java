package org.onestop.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Matters the city does not handle, and who does: passports, visas, tax, courts,
 * notaries, vehicles, utilities, property registration. Data, not code:
 * {@code assistant/elsewhere.json} holds each topic's words in both languages, its name,
 * where to go and how to reach them. Consulted before the catalog, because a question
 * about a passport shares words ("renew", "lost", "first time") with the ID card and the
 * driving licence and would otherwise be offered those with confidence.
 */
@Component
class ElsewhereMatters {

	/** Texts in both languages, as in the catalog. */
	record Text(String zh, String en) {

		String in(Locale locale) {
			return "en".equals(locale.getLanguage()) ? en : zh;
		}

	}

	/** One topic handled elsewhere. */
	record Topic(String topic, Map<String, List<String>> words, Text name, Text where, Text how) {

	}

	/**
	 * A topic with its words ready to match: Chinese anywhere (no spaces to go by),
	 * English as whole words ("tax", not "taxi"), in one expression.
	 */
	private record Words(Topic topic, List<String> chinese, Pattern english) {

		boolean in(String lower) {
			return chinese.stream().anyMatch(lower::contains) || english.matcher(lower).find();
		}

	}

	private final List<Topic> topics;

	private final List<Words> words;

	ElsewhereMatters() {
		this(read("assistant/elsewhere.json"));
	}

	ElsewhereMatters(List<Topic> topics) {
		this.topics = List.copyOf(topics);
		this.words = this.topics.stream()
			.map(t -> new Words(t, t.words().getOrDefault("zh", List.of()),
					AgeMatters.wholeWords(t.words().getOrDefault("en", List.of()))))
			.toList();
	}

	static List<Topic> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
				.readValue(in, new TypeReference<List<Topic>>() {
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first topic (in the file's order) whose words the question contains. */
	Optional<Topic> of(String question) {
		String lower = question == null ? "" : question.toLowerCase(Locale.ROOT);
		return words.stream().filter(w -> w.in(lower)).map(Words::topic).findFirst();
	}

	List<Topic> all() {
		return topics;
	}

}
