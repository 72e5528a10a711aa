package org.onestop.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.application.Application.Decision;
import org.onestop.application.Application.Status;
import org.onestop.application.CaseRules.EarlierRejection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query behind the 180-day rule finds only rejections of the same resident and the
 * same matter that took effect within the window: a test that fails if its matter or time
 * condition is dropped (issue 19).
 */
@IntegrationTest
@Transactional
class RepeatRejectionQueryIntegrationTests {

	private static final String RESIDENT = "110101195001010099";

	@Autowired
	ApplicationStore store;

	private UUID rejected(String matter, Instant decidedAt) {
		UUID id = UUID.randomUUID();
		Application a = Application.draft(id, "rule.test", RESIDENT, "测试", matter, 1, 1, "CIVIL", decidedAt)
			.submitted(Map.of(), Map.of(), Map.of(), List.of(), null, List.of(), null, decidedAt,
					LocalDate.of(2026, 1, 1));
		assertThat(store.insertSubmitted(a, "rule-" + id, "hash", null)).isTrue();
		store.decided(id, Status.REJECTED, Decision.rejected("reviewer", decidedAt, "r", "l", "m"), 1);
		return id;
	}

	@Test
	void findsEarlierRejectionsOfTheSameResidentAndMatterWithinTheWindowOnly() {
		Instant now = Instant.parse("2026-06-30T08:00:00Z");
		Instant since = CaseRules.repeatRejectionSince(now);
		rejected("RULE-A", since.minus(Duration.ofDays(1)));
		rejected("RULE-B", now.minus(Duration.ofDays(10)));
		UUID current = rejected("RULE-A", now);

		assertThat(store.rejectionsSince(RESIDENT, "RULE-A", since, current)).isEmpty();
		assertThat(CaseRules.rejectionGoesToSupervisor("RULE-A",
				store.rejectionsSince(RESIDENT, "RULE-A", since, current), now))
			.isFalse();

		Instant inWindow = since.plus(Duration.ofDays(1));
		rejected("RULE-A", inWindow);
		assertThat(store.rejectionsSince(RESIDENT, "RULE-A", since, current))
			.containsExactly(new EarlierRejection("RULE-A", inWindow));
		assertThat(store.rejectionsSince("110101195001010011", "RULE-A", since, current)).isEmpty();
	}

}
