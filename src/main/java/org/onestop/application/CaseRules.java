package org.onestop.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules of P5 that send a case to a supervisor, without the database or the engine:
 * one supplement round only, and a second rejection of the same resident for the same
 * matter within 180 days does not take effect.
 */
final class CaseRules {

	/**
	 * How far back an earlier rejection counts; one decided exactly this long ago still
	 * does.
	 */
	static final Duration REPEAT_REJECTION_WINDOW = Duration.ofDays(180);

	private CaseRules() {
	}

	/** A rejection that took effect earlier, of the same resident. */
	record EarlierRejection(String serviceCode, Instant decidedAt) {
	}

	/**
	 * The earliest decision time of an earlier rejection that still counts at
	 * {@code now}.
	 */
	static Instant repeatRejectionSince(Instant now) {
		return now.minus(REPEAT_REJECTION_WINDOW);
	}

	/**
	 * Whether a rejection of {@code serviceCode} now is a second one, and so goes to a
	 * supervisor.
	 */
	static boolean rejectionGoesToSupervisor(String serviceCode, List<EarlierRejection> earlier, Instant now) {
		Instant since = repeatRejectionSince(now);
		return earlier.stream().anyMatch(r -> r.serviceCode().equals(serviceCode) && !r.decidedAt().isBefore(since));
	}

	/**
	 * At acceptance a clerk may ask for a supplement only while none has been asked for.
	 */
	static boolean acceptanceMayRequestSupplement(int roundsSoFar) {
		return roundsSoFar == 0;
	}

	/** One supplement round only: a second needs a supervisor's approval. */
	static boolean supplementNeedsApproval(int roundsSoFar) {
		return roundsSoFar >= 1;
	}

}
