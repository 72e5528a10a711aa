package org.onestop.assistant;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterMatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict on a ranking, and what is searched of a question. */
class AnswerRetrievalTests {

	private static MatterMatch match(String code, double score) {
		return new MatterMatch(new Matter(code, 1, Matter.Status.PUBLISHED, null, null), score);
	}

	@Test
	void oneClearLeaderIsTheAnswer() {
		Retrieval.Outcome outcome = Retrieval.judge(List.of(match("A", 40), match("B", 20)), 3.7, 0.85);
		assertThat(outcome.verdict()).isEqualTo(Retrieval.Verdict.CLEAR);
		assertThat(outcome.offered()).extracting(m -> m.matter().code()).containsExactly("A");
	}

	@Test
	void closeRunnersUpAreOfferedToChooseFromAtMostThree() {
		Retrieval.Outcome outcome = Retrieval
			.judge(List.of(match("A", 40), match("B", 38), match("C", 36), match("D", 35), match("E", 10)), 3.7, 0.85);
		assertThat(outcome.verdict()).isEqualTo(Retrieval.Verdict.CLOSE);
		assertThat(outcome.offered()).extracting(m -> m.matter().code()).containsExactly("A", "B", "C");
	}

	@Test
	void aWeakBestOrNothingIsNothing() {
		assertThat(Retrieval.judge(List.of(match("A", 2.5)), 3.7, 0.85).verdict()).isEqualTo(Retrieval.Verdict.NOTHING);
		assertThat(Retrieval.judge(List.of(), 3.7, 0.85).verdict()).isEqualTo(Retrieval.Verdict.NOTHING);
	}

	@Test
	void searchesWithoutTheAskingWords() {
		assertThat(QuestionWords.searchable("请问身份证丢了怎么办？")).isEqualTo("身份证丢了");
		assertThat(QuestionWords.searchable("How do I renew my ID card?")).isEqualTo("renew ID card");
		assertThat(QuestionWords.searchable("how do I?")).isEmpty();
	}

}
