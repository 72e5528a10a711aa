package org.onestop.application;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.platform.ProblemException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explanation a citizen gives for a submission that fails the pre-check: blank is
 * none, it is kept stripped, and up to 2000 characters once stripped.
 */
class SubmissionExplanationTests {

	private final List<FieldProblem> problems = new ArrayList<>();

	@Test
	void blankIsNoExplanation() {
		assertThat(Submissions.explanation(null, problems)).isNull();
		assertThat(Submissions.explanation(" \t ", problems)).isNull();
		assertThat(problems).isEmpty();
	}

	@Test
	void anExplanationIsKeptStripped() {
		assertThat(Submissions.explanation("  the registry is out of date \n", problems))
			.isEqualTo("the registry is out of date");
		assertThat(problems).isEmpty();
	}

	@Test
	void upTo2000CharactersOnceStripped() {
		String full = "x".repeat(Submissions.MAX_EXPLANATION);
		assertThat(Submissions.explanation("  " + full + "  ", problems)).isEqualTo(full);
		assertThat(problems).isEmpty();
		Submissions.explanation(full + "y", problems);
		assertThat(problems).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("explanation", "application.field.too-long"));
	}

}
