package org.onestop.appointment.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The heads' list of open appeals pages within bounds, and a decision names a known
 * outcome of an existing appeal (PIT found these edges unchecked).
 */
class AppealPagingTests {

	private final SuspensionStore store = mock(SuspensionStore.class);

	private final Appeals appeals = new Appeals(store,
			Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC));

	private final OneStopUser head = new OneStopUser("head-1", "Head", true, null, "DEPT", Set.of(Role.ADMIN));

	@Test
	void pagesFrom0To10000OfSize1To100() {
		given(store.openAppealCount()).willReturn(7L);
		assertThat(appeals.open(0, 1).total()).isEqualTo(7);
		appeals.open(Appeals.MAX_PAGE, Appeals.MAX_PAGE_SIZE);
		verify(store).openAppeals(Appeals.MAX_PAGE_SIZE, Appeals.MAX_PAGE * Appeals.MAX_PAGE_SIZE);
		appeals.open(2, 10);
		verify(store).openAppeals(10, 20);
		for (int[] wrong : new int[][] { { -1, 10 }, { Appeals.MAX_PAGE + 1, 10 }, { 0, 0 },
				{ 0, Appeals.MAX_PAGE_SIZE + 1 } }) {
			assertThatThrownBy(() -> appeals.open(wrong[0], wrong[1])).as("page %d size %d", wrong[0], wrong[1])
				.isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void aDecisionNamesAKnownOutcomeOfAnExistingAppeal() {
		assertThat(Appeals.Outcome.of("LIFTED")).contains(Appeals.Outcome.LIFTED);
		assertThat(Appeals.Outcome.of("lifted")).isEmpty();
		assertThatThrownBy(() -> appeals.decide(head, UUID.randomUUID(), "MAYBE", "note"))
			.isInstanceOf(InvalidInputException.class);
		given(store.decide(any(), any(), any(), any(), any())).willReturn(Optional.empty());
		assertThatThrownBy(() -> appeals.decide(head, UUID.randomUUID(), "UPHELD", "note"))
			.isInstanceOf(NotFoundException.class);
		assertThat(List.of(Appeals.Outcome.values())).hasSize(2);
	}

}
