package org.onestop.complaint.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trained, immutable lead-department model: a multinomial logistic regression (maximum
 * entropy) over the complaint's words, its category and its category rule.
 * <p>
 * Why not naive Bayes, which was tried first: the category already says most of what the
 * words say (a garbage complaint talks about garbage), and naive Bayes, counting each
 * word as independent evidence, lets a long text's ordinary topic words outvote the
 * category. Ten-fold cross-validation on the demo history showed it: plain naive Bayes
 * got at best 381 of 447 right against 433 for the category rule alone; it matched the
 * rule only with the words' log-likelihood scaled down to a tenth or a fifth, where it is
 * in effect the rule. Logistic regression learns the words' weights jointly with the
 * category's, so that a word only gains weight where it explains what the category does
 * not (物业 and 小区 pulling rubbish to housing, 油烟 pulling fumes to urban management), and
 * it matched the rule in every setting tried while still learning repeated decisions. It
 * stays as cheap: training is a few passes of stochastic gradient over the rows' words
 * (tens of milliseconds for a thousand rows), with a fixed order and no randomness, so
 * the same rows give the same model on every node. L2 regularisation plays the part of
 * Laplace smoothing.
 * <p>
 * The score of a department d for a complaint of category c whose rule names r is
 * {@code bias[d] + category[c][d] + rule·[d = r] + Σ word[w][d]}; the probabilities are
 * the softmax of the scores. The rule weight is shared by all categories, so that a
 * category never seen in training still leans to its rule. Words never seen in training
 * have no weight.
 */
final class LeadModel {

	/**
	 * The model's constants; the defaults were chosen by ten-fold cross-validation on the
	 * demo history alone (never on the held-out complaints). Within the ranges tried (10
	 * to 40 passes, steps 0.05 to 0.5, L2 0.0001 to 0.1) every setting was as right as
	 * the rule on the history's folds; the strongest regularisation gave the best
	 * probabilities (log-loss 0.27 against 0.29) and top-2. A fixed, smaller rule weight,
	 * which lets the words override the rule more readily, lost to the rule on the folds
	 * (414 to 432 of 447 against 433).
	 *
	 * @param epochs passes over the training rows
	 * @param learningRate the first pass's step, shrinking as 1/(1 + pass)
	 * @param l2 the regularisation of every weight but the rule's
	 * @param initialRuleWeight where the rule's weight starts: training starts from "the
	 * rule decides"
	 */
	record Parameters(int epochs, double learningRate, double l2, double initialRuleWeight) {

		static final Parameters DEFAULTS = new Parameters(20, 0.2, 0.1, 3.0);

	}

	/**
	 * A decision with its text already made into words, and the lead department its
	 * category's rule names ({@code null} for a category without a rule).
	 */
	record Example(String categoryCode, String ruleDepartment, List<String> words, String leadDepartment) {
	}

	private final List<String> departments;

	private final Map<String, Integer> departmentIndex;

	private final double[] bias;

	private final Map<String, double[]> categoryWeights;

	private final Map<String, double[]> wordWeights;

	private final double ruleWeight;

	private LeadModel(List<String> departments, double[] bias, Map<String, double[]> categoryWeights,
			Map<String, double[]> wordWeights, double ruleWeight) {
		this.departments = List.copyOf(departments);
		this.departmentIndex = new HashMap<>();
		for (int i = 0; i < departments.size(); i++) {
			this.departmentIndex.put(departments.get(i), i);
		}
		this.bias = bias;
		this.categoryWeights = categoryWeights;
		this.wordWeights = wordWeights;
		this.ruleWeight = ruleWeight;
	}

	static LeadModel train(List<Example> examples, Parameters parameters) {
		Set<String> departmentSet = new TreeSet<>();
		for (Example example : examples) {
			departmentSet.add(example.leadDepartment());
			if (example.ruleDepartment() != null) {
				departmentSet.add(example.ruleDepartment());
			}
		}
		List<String> departments = new ArrayList<>(departmentSet);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < departments.size(); i++) {
			index.put(departments.get(i), i);
		}
		int size = departments.size();
		double[] bias = new double[size];
		Map<String, double[]> categoryWeights = new HashMap<>();
		Map<String, double[]> wordWeights = new HashMap<>();
		double ruleWeight = parameters.initialRuleWeight();
		double[] probabilities = new double[size];
		// Each row's weights looked up once, not on every pass.
		List<Row> rows = new ArrayList<>(examples.size());
		for (Example example : examples) {
			List<double[]> words = new ArrayList<>();
			for (String word : new LinkedHashSet<>(example.words())) {
				words.add(wordWeights.computeIfAbsent(word, w -> new double[size]));
			}
			rows.add(new Row(categoryWeights.computeIfAbsent(example.categoryCode(), c -> new double[size]), words,
					example.ruleDepartment() == null ? -1 : index.get(example.ruleDepartment()),
					index.get(example.leadDepartment())));
		}
		for (int epoch = 0; epoch < parameters.epochs(); epoch++) {
			double rate = parameters.learningRate() / (1 + epoch);
			for (Row row : rows) {
				double[] category = row.category();
				List<double[]> words = row.words();
				int rule = row.rule();
				scores(bias, category, words, ruleWeight, rule, probabilities);
				softmax(probabilities);
				int lead = row.lead();
				for (int d = 0; d < size; d++) {
					double gradient = probabilities[d] - (d == lead ? 1 : 0);
					bias[d] -= rate * gradient;
					category[d] -= rate * (gradient + parameters.l2() * category[d]);
					for (double[] word : words) {
						word[d] -= rate * (gradient + parameters.l2() * word[d]);
					}
				}
				if (rule >= 0) {
					ruleWeight -= rate * (probabilities[rule] - (rule == lead ? 1 : 0));
				}
			}
		}
		return new LeadModel(departments, bias, categoryWeights, wordWeights, ruleWeight);
	}

	static LeadModel train(List<Example> examples) {
		return train(examples, Parameters.DEFAULTS);
	}

	/** Trains on decisions whose texts are not yet made into words. */
	static LeadModel of(List<DispatchDecision> decisions, Map<String, CategoryRule> rules, Parameters parameters) {
		return train(decisions.stream().map(d -> example(d, rules, ComplaintWords.of(d.text()))).toList(), parameters);
	}

	static Example example(DispatchDecision decision, Map<String, CategoryRule> rules, List<String> words) {
		CategoryRule rule = rules.get(decision.categoryCode());
		return new Example(decision.categoryCode(), rule == null ? null : rule.leadDepartment(), words,
				decision.leadDepartment());
	}

	/** A training row as weights to update. */
	private record Row(double[] category, List<double[]> words, int rule, int lead) {
	}

	private static void scores(double[] bias, double[] category, List<double[]> words, double ruleWeight, int rule,
			double[] into) {
		for (int d = 0; d < into.length; d++) {
			double score = bias[d] + (category == null ? 0 : category[d]);
			for (double[] word : words) {
				score += word[d];
			}
			into[d] = score;
		}
		if (rule >= 0) {
			into[rule] += ruleWeight;
		}
	}

	private static void softmax(double[] scores) {
		double max = Double.NEGATIVE_INFINITY;
		for (double score : scores) {
			max = Math.max(max, score);
		}
		double sum = 0;
		for (int i = 0; i < scores.length; i++) {
			scores[i] = Math.exp(scores[i] - max);
			sum += scores[i];
		}
		for (int i = 0; i < scores.length; i++) {
			scores[i] /= sum;
		}
	}

	/**
	 * The top {@code k} suggestions for a complaint: the rule alone when it is certain,
	 * the model's ranking otherwise.
	 */
	List<Suggestion> suggest(CategoryRule rule, String text, int k) {
		if (rule.certain()) {
			return List.of(new Suggestion(rule.leadDepartment(), 1.0, true));
		}
		List<Suggestion> ranked = rank(rule, ComplaintWords.of(text));
		return List.copyOf(ranked.subList(0, Math.min(Math.max(k, 0), ranked.size())));
	}

	/**
	 * Every candidate department with its probability, the most probable first (the
	 * rule's department first among equals). The candidates are the departments of the
	 * training data and the rule's own.
	 */
	List<Suggestion> rank(CategoryRule rule, List<String> words) {
		List<String> candidates = new ArrayList<>(departments);
		if (!departmentIndex.containsKey(rule.leadDepartment())) {
			candidates.add(rule.leadDepartment());
		}
		int size = candidates.size();
		List<double[]> known = new ArrayList<>();
		for (String word : new LinkedHashSet<>(words)) {
			double[] weights = wordWeights.get(word);
			if (weights != null) {
				known.add(weights);
			}
		}
		double[] scores = new double[size];
		double[] category = categoryWeights.get(rule.code());
		for (int d = 0; d < departments.size(); d++) {
			double score = bias[d] + (category == null ? 0 : category[d]);
			for (double[] word : known) {
				score += word[d];
			}
			scores[d] = score;
		}
		if (size > departments.size()) {
			// A department the model never saw: only the rule speaks for it.
			scores[size - 1] = Double.NEGATIVE_INFINITY;
		}
		int ruled = candidates.indexOf(rule.leadDepartment());
		scores[ruled] = Double.isInfinite(scores[ruled]) ? ruleWeight : scores[ruled] + ruleWeight;
		softmax(scores);
		List<Suggestion> ranked = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			ranked.add(new Suggestion(candidates.get(i), scores[i], false));
		}
		ranked.sort(Comparator.comparingDouble(Suggestion::confidence)
			.reversed()
			.thenComparing(s -> !s.department().equals(rule.leadDepartment()))
			.thenComparing(Suggestion::department));
		return ranked;
	}

}
