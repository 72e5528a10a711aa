package org.onestop.assistant;

import java.util.List;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.MatterMatch;
import org.springframework.stereotype.Component;

/**
 * Finds the matters a question is about and judges how clear the best one is. Both
 * thresholds come from the evaluation set (src/test/resources/assistant/evaluation.tsv;
 * AssistantEvaluationTests prints the sweep, and docs/benchmarks.md records it): they are
 * properties of this catalog's scores, to be measured again when the catalog, the
 * synonyms or the weighting change.
 */
@Component
class Retrieval {

	/**
	 * Below this best score nothing fits. On the demo catalog no off-topic question of
	 * the evaluation set scores above 2.6 and no answerable one below 4.8 (once stripped
	 * of their asking words); 3.7 is midway in that gap.
	 */
	static final double MIN_SCORE = 3.7;

	/**
	 * A runner-up scoring at least this share of the best makes the question ambiguous:
	 * the citizen is asked to choose among the close ones. Lower asks back more often;
	 * higher answers more often with the wrong matter. On the evaluation set wrong single
	 * answers stay at their floor of 3 from 0.8 to 0.9 while questions asked back fall
	 * from 21 to 11 (below 0.8 each wrong answer saved costs six more questions asked
	 * back, above 0.9 wrong answers rise); 0.85 is the middle of that plateau, so that a
	 * small shift in scores crosses neither edge.
	 */
	static final double CLOSE_SHARE = 0.85;

	static final int MAX_CHOICES = 3;

	/**
	 * What the catalog made of a question: the ranking (best first, up to 5) and the
	 * verdict on it.
	 */
	record Outcome(Verdict verdict, List<MatterMatch> ranked, List<MatterMatch> offered) {
	}

	enum Verdict {

		CLEAR, CLOSE, NOTHING

	}

	private final Catalog catalog;

	Retrieval(Catalog catalog) {
		this.catalog = catalog;
	}

	Outcome find(String question) {
		return judge(rank(question), MIN_SCORE, CLOSE_SHARE);
	}

	/**
	 * The catalog's ranking, then the person's age applied ({@link AgeMatters}): matters
	 * for another age group dropped, the one for this age and topic first. A few more are
	 * fetched than kept, so that dropping some still leaves five.
	 */
	List<MatterMatch> rank(String question) {
		String searchable = QuestionWords.searchable(question);
		List<MatterMatch> found = searchable.isBlank() ? List.of() : catalog.suggest(searchable, 8);
		return AgeMatters.apply(question, found, catalog::matter, MIN_SCORE).stream().limit(5).toList();
	}

	static Outcome judge(List<MatterMatch> ranked, double minScore, double closeShare) {
		if (ranked.isEmpty() || ranked.get(0).score() < minScore) {
			return new Outcome(Verdict.NOTHING, ranked, List.of());
		}
		double best = ranked.get(0).score();
		List<MatterMatch> close = ranked.stream()
			.filter(m -> m.score() >= best * closeShare)
			.limit(MAX_CHOICES)
			.toList();
		return new Outcome(close.size() == 1 ? Verdict.CLEAR : Verdict.CLOSE, ranked, close);
	}

}
