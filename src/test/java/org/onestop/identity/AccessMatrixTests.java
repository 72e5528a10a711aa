package org.onestop.identity;

import org.junit.jupiter.api.Test;
import org.onestop.identity.AccessMatrix.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access table is read strictly: a typo must not quietly drop a rule. */
class AccessMatrixTests {

	private static final String HEADER = "operation anon citizen other clerk review superv field agent dispat head admin audit editor handlr svsup\n";

	@Test
	void readsOneAnswerPerColumn() {
		AccessMatrix matrix = AccessMatrix.parse(
				"# comment\n" + HEADER + "GET /api/v1/x 401 own 404 ok 403 403 403 403 403 403 ok 403 403 403 403\n");
		assertThat(matrix.columns()).hasSize(15).startsWith("anon", "citizen", "other");
		assertThat(matrix.rows().get("GET /api/v1/x").answers()).startsWith(Answer.UNAUTHORIZED, Answer.OWN,
				Answer.NOT_FOUND, Answer.ALLOWED, Answer.FORBIDDEN);
	}

	@Test
	void refusesARowWithAMissingAnswerAnUnknownOneOrASecondRowForAnOperation() {
		assertThatThrownBy(() -> AccessMatrix.parse(HEADER + "GET /x 401 ok ok ok ok ok ok ok ok ok ok ok ok ok\n"))
			.hasMessageContaining("GET /x: 14 answers for 15 columns");
		assertThatThrownBy(() -> AccessMatrix.parse(HEADER + "GET /x 401 ok ok ok ok ok ok ok ok ok ok ok ok ok 200\n"))
			.hasMessageContaining("Unknown answer '200'");
		String row = "GET /x 401 ok ok ok ok ok ok ok ok ok ok ok ok ok ok\n";
		assertThatThrownBy(() -> AccessMatrix.parse(HEADER + row + row)).hasMessageContaining("GET /x has two rows");
	}

	@Test
	void needsAColumnForEveryRole() {
		assertThatThrownBy(() -> AccessMatrix.parse(
				"operation anon citizen other clerk review superv field agent dispat head admin audit editor handlr\n"))
			.hasMessageContaining("one column per role");
	}

	@Test
	void ownMeansReachedAndOkMeansPastTheRule() {
		assertThat(Answer.ALLOWED.accepts(404)).isTrue();
		assertThat(Answer.ALLOWED.accepts(403)).isFalse();
		assertThat(Answer.OWN.accepts(404)).isFalse();
		assertThat(Answer.OWN.accepts(409)).isTrue();
		assertThat(Answer.NOT_FOUND.accepts(200)).isFalse();
	}

}
