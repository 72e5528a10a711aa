package org.onestop.evaluation.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.evaluation.RatingGiven;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens a follow-up for a verified rating of 不满意 or 非常不满意, in the rating's own
 * transaction (a synchronous listener): the rating and its follow-up commit together or
 * not at all. One rule for a change: up to 3 or more withdraws any follow-up not yet
 * replied (OPEN or CONTACTED); down again opens it anew. Anonymous and unverified ratings
 * are counted in the figures but open nothing, and an excluded rating never opens or
 * reopens one (the store checks it in the same statement).
 */
@Component
class FollowUpOpening {

	/** 2 = 不满意, 1 = 非常不满意. */
	static final int WORST_GOOD_ENOUGH = 2;

	private final FollowUpStore store;

	private final FollowUpClock clocks;

	private final FollowUpNotices notices;

	private final FollowUpProperties properties;

	private final Clock clock;

	FollowUpOpening(FollowUpStore store, FollowUpClock clocks, FollowUpNotices notices, FollowUpProperties properties,
			Clock clock) {
		this.store = store;
		this.clocks = clocks;
		this.notices = notices;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(RatingGiven given) {
		if (!given.verified()) {
			return;
		}
		Instant now = clock.instant();
		if (given.level() <= WORST_GOOD_ENOUGH) {
			FollowUpClock.Dues dues = clocks.dues(now, replyWorkingDays(given.department()));
			UUID id = UUID.randomUUID();
			if (store.open(id, given.ratingId(), given.department(), now, dues)) {
				store.event(id, now, "OPENED", "system", Map.of("level", given.level()));
				notices.opened(given.department(), id);
				return;
			}
			Optional<UUID> reopened = store.reopen(given.ratingId(), now, dues);
			reopened.ifPresent(again -> {
				store.event(again, now, "REOPENED", "system", Map.of("level", given.level()));
				notices.opened(given.department(), again);
			});
		}
		else if (given.changed()) {
			// A reply racing this change: whichever statement takes the row first wins,
			// and the other finds the status moved on (a replied follow-up stays).
			store.withdraw(given.ratingId(), List.of("OPEN", "CONTACTED"), now)
				.ifPresent(id -> store.event(id, now, "WITHDRAWN", "system", Map.of("level", given.level())));
		}
	}

	/** The department's own time to reply, else the city's default. */
	int replyWorkingDays(String department) {
		return store.replyWorkingDays(department).orElse(properties.replyWorkingDays());
	}

}
