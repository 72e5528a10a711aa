package org.onestop.evaluation.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for follow-ups whose reply is due within a working day (the department's handlers
 * are warned) or overdue (the head is told), and for citizens nobody contacted by the
 * contact deadline (the head is told). Each is claimed by a conditional UPDATE …
 * RETURNING in the same transaction as its messages, so with two nodes sweeping at once
 * each is said exactly once, and a failed message leaves it to the next sweep.
 */
@Component
class FollowUpSweep {

	private final FollowUpStore store;

	private final FollowUpNotices notices;

	private final TransactionTemplate transactions;

	private final FollowUpProperties properties;

	private final Clock clock;

	FollowUpSweep(FollowUpStore store, FollowUpNotices notices, TransactionTemplate transactions,
			FollowUpProperties properties, Clock clock) {
		this.store = store;
		this.notices = notices;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one sweep did. */
	record Swept(int warned, int escalated, int contactEscalated) {
	}

	@Scheduled(fixedDelayString = "${onestop.evaluation.follow-up.sweep-interval:PT5M}",
			initialDelayString = "${onestop.evaluation.follow-up.sweep-interval:PT5M}")
	void scheduled() {
		if (properties.sweepEnabled()) {
			sweep();
		}
	}

	/** One sweep now; tests call it directly. */
	Swept sweep() {
		Instant now = clock.instant();
		Integer warned = transactions.execute(status -> {
			List<FollowUpStore.Claimed> claimed = store.claimWarnings(now);
			claimed.forEach(c -> {
				store.event(c.id(), now, "DUE_SOON_WARNED", "system", Map.of());
				notices.dueSoon(c.department(), c.id());
			});
			return claimed.size();
		});
		Integer escalated = transactions.execute(status -> {
			List<FollowUpStore.Claimed> claimed = store.claimEscalations(now);
			claimed.forEach(c -> {
				store.event(c.id(), now, "ESCALATED_TO_HEAD", "system", Map.of());
				notices.overdue(c.department(), c.id());
			});
			return claimed.size();
		});
		// Nobody contacted the citizen by the verify deadline: the head hears of it once,
		// even though the reply's own clock is still running.
		Integer contactEscalated = transactions.execute(status -> {
			List<FollowUpStore.Claimed> claimed = store.claimContactEscalations(now);
			claimed.forEach(c -> {
				store.event(c.id(), now, "CONTACT_OVERDUE", "system", Map.of());
				notices.contactOverdue(c.department(), c.id());
			});
			return claimed.size();
		});
		return new Swept(warned == null ? 0 : warned, escalated == null ? 0 : escalated,
				contactEscalated == null ? 0 : contactEscalated);
	}

}
