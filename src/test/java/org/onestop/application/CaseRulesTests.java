package org.onestop.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.application.CaseRules.EarlierRejection;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that send a case to a supervisor, at their edges, without Spring. */
class CaseRulesTests {

	private static final Instant NOW = Instant.parse("2026-06-30T08:00:00Z");

	private static EarlierRejection rejected(String matter, int daysAgo) {
		return new EarlierRejection(matter, NOW.minus(Duration.ofDays(daysAgo)));
	}

	@Test
	void aFirstRejectionTakesEffect() {
		assertThat(CaseRules.rejectionGoesToSupervisor("M1", List.of(), NOW)).isFalse();
	}

	@Test
	void aRejectionOfTheSameMatter179Or180DaysAgoSendsTheSecondToASupervisor() {
		assertThat(CaseRules.rejectionGoesToSupervisor("M1", List.of(rejected("M1", 179)), NOW)).isTrue();
		assertThat(CaseRules.rejectionGoesToSupervisor("M1", List.of(rejected("M1", 180)), NOW)).isTrue();
	}

	@Test
	void aRejection181DaysAgoNoLongerCounts() {
		assertThat(CaseRules.rejectionGoesToSupervisor("M1", List.of(rejected("M1", 181)), NOW)).isFalse();
		assertThat(CaseRules.rejectionGoesToSupervisor("M1",
				List.of(new EarlierRejection("M1", CaseRules.repeatRejectionSince(NOW).minusMillis(1))), NOW))
			.isFalse();
	}

	@Test
	void aRejectionOfAnotherMatterDoesNotCount() {
		assertThat(CaseRules.rejectionGoesToSupervisor("M1", List.of(rejected("M2", 1)), NOW)).isFalse();
		assertThat(CaseRules.rejectionGoesToSupervisor("M1", List.of(rejected("M2", 1), rejected("M1", 30)), NOW))
			.isTrue();
	}

	@Test
	void theWindowStartsExactly180DaysBeforeNow() {
		assertThat(CaseRules.repeatRejectionSince(NOW)).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
	}

	@Test
	void oneSupplementRoundOnly() {
		assertThat(CaseRules.acceptanceMayRequestSupplement(0)).isTrue();
		assertThat(CaseRules.acceptanceMayRequestSupplement(1)).isFalse();
		assertThat(CaseRules.supplementNeedsApproval(0)).isFalse();
		assertThat(CaseRules.supplementNeedsApproval(1)).isTrue();
		assertThat(CaseRules.supplementNeedsApproval(2)).isTrue();
	}

}
