package org.onestop.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Blanks every one-time code older than its use: the dispatcher blanks a code as soon as
 * the provider takes it or it ends, but a code kept for the demo's viewer
 * (NOT_CONFIGURED), held back, or still retrying would otherwise stay readable for good.
 */
@Component
class CodeRedaction {

	private static final Logger log = LoggerFactory.getLogger(CodeRedaction.class);

	/** Codes live 10 minutes (identity's default), plus a margin for a late reader. */
	static final Duration KEPT = Duration.ofMinutes(15);

	private static final int BATCH = 500;

	private final RedactionStore store;

	private final Clock clock;

	private final boolean enabled;

	CodeRedaction(RedactionStore store, Clock clock, NotificationProperties properties) {
		this.store = store;
		this.clock = clock;
		// Tests dispatch by hand, and so sweep by hand: no row changes under them.
		this.enabled = properties.dispatch().enabled();
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void sweep() {
		if (enabled) {
			try {
				redactExpired();
			}
			catch (RuntimeException ex) {
				log.warn("Blanking expired one-time codes failed; the next sweep tries again", ex);
			}
		}
	}

	/**
	 * @return rows blanked
	 */
	int redactExpired() {
		Instant now = clock.instant();
		int total = 0;
		for (int n = BATCH; n == BATCH; total += n) {
			n = store.redact(now.minus(KEPT), now, BATCH);
		}
		return total;
	}

}
