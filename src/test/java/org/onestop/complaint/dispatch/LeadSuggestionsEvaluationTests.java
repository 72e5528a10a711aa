package org.onestop.complaint.dispatch;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead model measured on complaints it never saw: trained on the demo history, tested
 * on the held-out complaints (other streets, other wording). Prints the figures that
 * docs/benchmarks.md reports; rerun with
 * {@code mvn -o -q -B test -Dtest=LeadSuggestionsEvaluationTests}.
 */
class LeadSuggestionsEvaluationTests {

	private static final Map<String, CategoryRule> RULES = CategoryRules.demo();

	private static List<DispatchHistory.Row> rows(String resource) {
		InputStream in = LeadSuggestionsEvaluationTests.class.getClassLoader().getResourceAsStream(resource);
		assertThat(in).as(resource).isNotNull();
		return DispatchHistory.read(in);
	}

	@Test
	void suggestsTheLeadOfHeldOutComplaintsAtLeastAsWellAsTheCategoryRule() {
		List<DispatchHistory.Row> history = rows(DispatchHistory.DEMO);
		List<DispatchHistory.Row> heldOut = rows("complaints/heldout.tsv");
		assertThat(history).hasSize(447);
		assertThat(heldOut).hasSize(182);

		// Sanity: the model is trained on the history only, which holds no held-out text.
		List<DispatchDecision> training = history.stream().map(DispatchHistory.Row::decision).toList();
		Set<String> trainingTexts = new HashSet<>();
		training.forEach(d -> trainingTexts.add(d.text().strip()));
		assertThat(heldOut).noneMatch(row -> trainingTexts.contains(row.text().strip()));
		assertThat(training).isEqualTo(DispatchHistory.demo());

		LeadModel model = LeadModel.of(training, RULES, LeadModel.Parameters.DEFAULTS);

		int right = 0, topTwo = 0, rule = 0, zh = 0, zhRight = 0, en = 0, enRight = 0;
		List<String> differing = new ArrayList<>();
		for (DispatchHistory.Row row : heldOut) {
			CategoryRule categoryRule = RULES.get(row.categoryCode());
			assertThat(categoryRule).as(row.categoryCode()).isNotNull();
			List<Suggestion> ranked = model.suggest(categoryRule, row.text(), 2);
			boolean ok = ranked.get(0).department().equals(row.leadDepartment());
			right += ok ? 1 : 0;
			topTwo += ranked.stream().anyMatch(s -> s.department().equals(row.leadDepartment())) ? 1 : 0;
			rule += categoryRule.leadDepartment().equals(row.leadDepartment()) ? 1 : 0;
			if (row.lang().equals("zh")) {
				zh++;
				zhRight += ok ? 1 : 0;
			}
			else {
				en++;
				enRight += ok ? 1 : 0;
			}
			if (!categoryRule.leadDepartment().equals(row.leadDepartment())) {
				differing.add(String.format("  %-22s rule %-2s lead %-2s suggested %s  %s", row.categoryCode(),
						categoryRule.leadDepartment(), row.leadDepartment(), shown(ranked), row.text()));
			}
		}
		int all = heldOut.size();
		System.out.printf("Lead model on %d held-out complaints (trained on %d):%n", all, training.size());
		System.out.printf("  top-1 %d/%d = %.1f %%  (zh %d/%d = %.1f %%, en %d/%d = %.1f %%)%n", right, all,
				percent(right, all), zhRight, zh, percent(zhRight, zh), enRight, en, percent(enRight, en));
		System.out.printf("  top-2 %d/%d = %.1f %%%n", topTwo, all, percent(topTwo, all));
		System.out.printf("  category rule alone %d/%d = %.1f %%%n", rule, all, percent(rule, all));
		System.out.printf("  the %d complaints whose lead differs from the rule:%n", differing.size());
		differing.forEach(System.out::println);

		assertThat(differing).hasSize(12);
		assertThat((double) right / all).isGreaterThanOrEqualTo(0.85);
		assertThat(right).isGreaterThanOrEqualTo(rule);
	}

	@Test
	void trainsOnAThousandRowsInWellUnderASecond() {
		List<DispatchDecision> history = DispatchHistory.demo();
		List<DispatchDecision> doubled = new ArrayList<>(history);
		doubled.addAll(history);
		doubled.addAll(history.subList(0, 106)); // 1000 rows
		// Warm up the analyser's dictionaries and the JIT; then the best of three runs,
		// as
		// other processes share the machine.
		LeadModel.of(history, RULES, LeadModel.Parameters.DEFAULTS);
		double tokeniseMs = Double.MAX_VALUE;
		double trainMs = Double.MAX_VALUE;
		for (int run = 0; run < 3; run++) {
			long start = System.nanoTime();
			List<LeadModel.Example> examples = doubled.stream()
				.map(d -> LeadModel.example(d, RULES, ComplaintWords.of(d.text())))
				.toList();
			long tokenised = System.nanoTime();
			LeadModel.train(examples);
			long trained = System.nanoTime();
			tokeniseMs = Math.min(tokeniseMs, (tokenised - start) / 1e6);
			trainMs = Math.min(trainMs, (trained - tokenised) / 1e6);
		}
		System.out.printf(
				"Lead model on %d rows, best of 3: tokenising %.0f ms, training %.0f ms (%.2f × tokenising),"
						+ " both %.0f ms%n",
				doubled.size(), tokeniseMs, trainMs, trainMs / tokeniseMs, tokeniseMs + trainMs);
		// A measurement, not a timed assertion: the figure goes to docs/benchmarks.md.
		assertThat(doubled).hasSize(1000);
	}

	private static String shown(List<Suggestion> ranked) {
		return ranked.stream()
			.map(s -> String.format("%s %.0f %%", s.department(), 100 * s.confidence()))
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
	}

	private static double percent(int part, int whole) {
		return whole == 0 ? 0 : 100.0 * part / whole;
	}

}
