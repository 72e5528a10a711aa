package org.onestop.complaint.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trained, immutable lead-department model: multinomial naive Bayes over the
 * complaint's words, with the category as its prior.
 * <p>
 * Why naive Bayes: a few hundred examples over a dozen departments, most of whose words
 * are seen once; a discriminative model would overfit them, while naive Bayes needs only
 * counts, so that training on a thousand rows is a pass over their words (milliseconds),
 * a new decision is one more row of counts, and the same rows give the same model on
 * every node. Its weakness, over-confident probabilities, matters little here: the
 * console shows them to a dispatcher who decides anyway.
 * <p>
 * The category is the strongest evidence (the rule alone is right about nine times in
 * ten), so it is not one word among others but the prior: P(d | category) counts the
 * decisions taken in that category plus {@link Parameters#rulePrior} pseudo-decisions for
 * the rule's lead department, so that a category with few decisions still leans to its
 * rule and one with many follows what dispatchers actually chose. The words then move the
 * suggestion away from the rule only when they point clearly elsewhere.
 * <p>
 * Words never seen in training are ignored rather than smoothed: an unseen street name
 * would otherwise count against the departments with the most words.
 */
final class LeadModel {

	/**
	 * The model's constants; the defaults were chosen by ten-fold cross-validation on the
	 * demo history alone (never on the held-out complaints).
	 *
	 * @param rulePrior pseudo-decisions for the category rule's lead department
	 * @param categorySmoothing pseudo-decisions for every department in every category
	 * (Laplace smoothing of the prior)
	 * @param wordSmoothing Laplace smoothing of the words' counts
	 * @param textWeight how much the words count against the prior (1 is plain naive
	 * Bayes; less tempers the independence assumption for long, rambling complaints)
	 */
	record Parameters(double rulePrior, double categorySmoothing, double wordSmoothing, double textWeight) {

		static final Parameters DEFAULTS = new Parameters(3.0, 0.1, 0.1, 1.0);

	}

	/** A decision with its text already made into words. */
	record Example(String categoryCode, List<String> words, String leadDepartment) {
	}

	private final Parameters parameters;

	private final Set<String> departments;

	/** Category code → department → decisions. */
	private final Map<String, Map<String, Integer>> decisions;

	/** Word → department → occurrences. */
	private final Map<String, Map<String, Integer>> occurrences;

	/** Department → its examples' words, all counted. */
	private final Map<String, Integer> wordsOf;

	private LeadModel(Parameters parameters, Set<String> departments, Map<String, Map<String, Integer>> decisions,
			Map<String, Map<String, Integer>> occurrences, Map<String, Integer> wordsOf) {
		this.parameters = parameters;
		this.departments = departments;
		this.decisions = decisions;
		this.occurrences = occurrences;
		this.wordsOf = wordsOf;
	}

	static LeadModel train(List<Example> examples, Parameters parameters) {
		Set<String> departments = new TreeSet<>();
		Map<String, Map<String, Integer>> decisions = new HashMap<>();
		Map<String, Map<String, Integer>> occurrences = new HashMap<>();
		Map<String, Integer> wordsOf = new HashMap<>();
		for (Example example : examples) {
			String department = example.leadDepartment();
			departments.add(department);
			decisions.computeIfAbsent(example.categoryCode(), c -> new HashMap<>()).merge(department, 1, Integer::sum);
			for (String word : example.words()) {
				occurrences.computeIfAbsent(word, w -> new HashMap<>()).merge(department, 1, Integer::sum);
			}
			wordsOf.merge(department, example.words().size(), Integer::sum);
		}
		return new LeadModel(parameters, departments, decisions, occurrences, wordsOf);
	}

	static LeadModel train(List<Example> examples) {
		return train(examples, Parameters.DEFAULTS);
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

	/** Trains on decisions whose texts are not yet made into words. */
	static LeadModel of(List<DispatchDecision> decisions, Parameters parameters) {
		return train(decisions.stream()
			.map(d -> new Example(d.categoryCode(), ComplaintWords.of(d.text()), d.leadDepartment()))
			.toList(), parameters);
	}

	int vocabularySize() {
		return occurrences.size();
	}

	/**
	 * Every candidate department with its probability, the most probable first (the
	 * rule's department first among equals). The candidates are the departments of the
	 * training data and the rule's own.
	 */
	List<Suggestion> rank(CategoryRule rule, List<String> words) {
		List<String> candidates = new ArrayList<>(departments);
		if (!departments.contains(rule.leadDepartment())) {
			candidates.add(rule.leadDepartment());
		}
		Map<String, Integer> inCategory = decisions.getOrDefault(rule.code(), Map.of());
		int decidedInCategory = inCategory.values().stream().mapToInt(Integer::intValue).sum();
		double priorTotal = decidedInCategory + parameters.rulePrior()
				+ parameters.categorySmoothing() * candidates.size();
		int vocabulary = occurrences.size();
		double[] scores = new double[candidates.size()];
		for (int i = 0; i < scores.length; i++) {
			String department = candidates.get(i);
			double prior = inCategory.getOrDefault(department, 0) + parameters.categorySmoothing()
					+ (department.equals(rule.leadDepartment()) ? parameters.rulePrior() : 0);
			double text = 0;
			double wordsTotal = wordsOf.getOrDefault(department, 0) + parameters.wordSmoothing() * vocabulary;
			for (String word : words) {
				Map<String, Integer> seen = occurrences.get(word);
				if (seen != null) {
					text += Math.log((seen.getOrDefault(department, 0) + parameters.wordSmoothing()) / wordsTotal);
				}
			}
			scores[i] = Math.log(prior / priorTotal) + parameters.textWeight() * text;
		}
		double max = Double.NEGATIVE_INFINITY;
		for (double score : scores) {
			max = Math.max(max, score);
		}
		double sum = 0;
		for (int i = 0; i < scores.length; i++) {
			scores[i] = Math.exp(scores[i] - max);
			sum += scores[i];
		}
		List<Suggestion> ranked = new ArrayList<>(scores.length);
		for (int i = 0; i < scores.length; i++) {
			ranked.add(new Suggestion(candidates.get(i), scores[i] / sum, false));
		}
		ranked.sort(Comparator.comparingDouble(Suggestion::confidence)
			.reversed()
			.thenComparing(s -> !s.department().equals(rule.leadDepartment()))
			.thenComparing(Suggestion::department));
		return ranked;
	}

}
