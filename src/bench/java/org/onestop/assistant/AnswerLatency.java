package org.onestop.assistant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.onestop.OneStopApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency of {@link Answers#answer} in-process: the application starts in this JVM on its embedded PostgreSQL
 * (fresh data folder, demo city loaded; web server idle on a random port), then one thread asks every question of the
 * evaluation set in turn, warm-up rounds first, and reports p50, p99 and max over the measured rounds. One answer
 * includes the index search, the database check of the matches, and the department and hall look-ups of the reply.
 * <p>
 * Usage: {@code AnswerLatency <evaluation.tsv> [warm-up rounds] [measured rounds]}
 */
public final class AnswerLatency {

	private AnswerLatency() {
	}

	record Question(Locale locale, String text) {
	}

	public static void main(String[] args) throws Exception {
		List<Question> questions = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("language\t"))
			.map(l -> l.split("\t"))
			.map(f -> new Question(Locale.forLanguageTag(f[0]), f[1]))
			.toList();
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		Path data = Files.createTempDirectory("onestop-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OneStopApplication.class)
			.run("--onestop.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN")) {
			Answers answers = context.getBean(Answers.class);
			for (int i = 0; i < warmup; i++) {
				questions.forEach(q -> answers.answer(q.text(), q.locale()));
			}
			long[] nanos = new long[rounds * questions.size()];
			int n = 0;
			for (int i = 0; i < rounds; i++) {
				for (Question q : questions) {
					long began = System.nanoTime();
					answers.answer(q.text(), q.locale());
					nanos[n++] = System.nanoTime() - began;
				}
			}
			Arrays.sort(nanos);
			System.out.printf("%nAnswers.answer, %d questions × %d rounds (after %d warm-up rounds), one thread, %d cores%n",
					questions.size(), rounds, warmup, Runtime.getRuntime().availableProcessors());
			System.out.printf("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(nanos, 0.50), ms(nanos, 0.90),
					ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
		}
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}
}
