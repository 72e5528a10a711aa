package org.onestop.complaint;

/**
 * What the citizen's verdict does: "not solved", or a rating of 1 or 2, reopens the
 * complaint to the same department with a supervisor flag, at most twice; after that the
 * dispatch centre's head decides. A solved complaint rated 3 to 5 closes.
 */
final class VerdictRule {

	static final int MAX_REOPENINGS = 2;

	enum Next {

		CLOSE_SOLVED, REOPEN, HEAD_DECIDES

	}

	private VerdictRule() {
	}

	static Next after(boolean solved, Integer rating, int reopenings) {
		boolean unhappy = !solved || (rating != null && rating <= 2);
		if (!unhappy) {
			return Next.CLOSE_SOLVED;
		}
		return reopenings < MAX_REOPENINGS ? Next.REOPEN : Next.HEAD_DECIDES;
	}

}
