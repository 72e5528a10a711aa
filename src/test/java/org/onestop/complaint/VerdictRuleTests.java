package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onestop.complaint.VerdictRule.Next;

/**
 * The citizen's verdict decides: solved and content closes; otherwise reopen, twice at
 * most.
 */
class VerdictRuleTests {

	@Test
	void solvedAndRatedThreeOrMoreCloses() {
		assertThat(VerdictRule.after(true, 3, 0)).isEqualTo(Next.CLOSE_SOLVED);
		assertThat(VerdictRule.after(true, 5, 2)).isEqualTo(Next.CLOSE_SOLVED);
		assertThat(VerdictRule.after(true, null, 0)).isEqualTo(Next.CLOSE_SOLVED);
	}

	@Test
	void notSolvedOrALowRatingReopensTwiceThenTheHeadDecides() {
		assertThat(VerdictRule.after(false, 5, 0)).isEqualTo(Next.REOPEN);
		assertThat(VerdictRule.after(true, 2, 0)).isEqualTo(Next.REOPEN);
		assertThat(VerdictRule.after(true, 1, 1)).isEqualTo(Next.REOPEN);
		assertThat(VerdictRule.after(false, 4, 2)).isEqualTo(Next.HEAD_DECIDES);
		assertThat(VerdictRule.after(true, 2, 2)).isEqualTo(Next.HEAD_DECIDES);
	}

}
