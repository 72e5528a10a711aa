package org.onestop.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles texts the provider accepted but never sent a receipt for (receipts switched
 * off, or lost): after an hour the provider is asked what became of them, again each
 * hour, and what it says settles the row; after 72 hours with no answer the row fails for
 * good. Such a text is never sent again: the person may well have it.
 */
@Component
class ReceiptDeadline {

	static final Duration FIRST_ASK = Duration.ofHours(1);

	static final Duration ASK_AGAIN = Duration.ofHours(1);

	static final Duration GIVE_UP = Duration.ofHours(72);

	static final String NO_RECEIPT = "no receipt from the provider in 72 hours";

	/**
	 * Small: each row may cost a call or three to the provider, on a scheduler thread
	 * shared with other work.
	 */
	static final int BATCH = 10;

	private static final Logger log = LoggerFactory.getLogger(ReceiptDeadline.class);

	private final ReceiptDeadlineStore store;

	private final SmsCourier sms;

	private final Clock clock;

	private final boolean enabled;

	ReceiptDeadline(ReceiptDeadlineStore store, SmsCourier sms, Clock clock, NotificationProperties properties) {
		this.store = store;
		this.sms = sms;
		this.clock = clock;
		this.enabled = properties.dispatch().enabled();
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void poll() {
		if (enabled) {
			try {
				sweep();
			}
			catch (RuntimeException ex) {
				log.warn("Asking about late SMS receipts failed; the next poll tries again", ex);
			}
		}
	}

	/** Asks about one batch of late texts; answers how many were settled. */
	int sweep() {
		Instant now = clock.instant();
		List<ReceiptDeadlineStore.Late> late = store.take(now.minus(FIRST_ASK), now.minus(ASK_AGAIN), BATCH, now);
		int settled = 0;
		boolean reachable = true;
		for (ReceiptDeadlineStore.Late text : late) {
			// Once the provider cannot be asked, the rest of the batch is not asked
			// either
			// (each would wait out its timeouts): they are asked again in an hour.
			SmsGateway.Lookup lookup = reachable
					? sms.lookUp(text.provider(), text.id().toString(), text.phone(), text.sentAt())
					: SmsGateway.Lookup.unknown("not asked");
			reachable = lookup.known() != SmsGateway.Known.UNKNOWN;
			if (settle(text, lookup, now)) {
				settled++;
			}
		}
		return settled;
	}

	private boolean settle(ReceiptDeadlineStore.Late text, SmsGateway.Lookup lookup, Instant now) {
		if (lookup.known() == SmsGateway.Known.FOUND) {
			SmsGateway.Result result = lookup.result();
			switch (result.outcome()) {
				case DELIVERED:
					return store.settle(text.id(), DeliveryStatus.DELIVERED, null, now);
				case PERMANENT_FAILURE:
				case TECHNICAL_FAILURE:
					return store.settle(text.id(), DeliveryStatus.PERMANENT_FAILURE, result.detail(), now);
				default:
					// still on its way: wait for the receipt or the next ask
			}
		}
		if (!text.sentAt().isAfter(now.minus(GIVE_UP))) {
			log.info("No receipt for SMS {} in 72 hours: {}", text.id(), lookup.known());
			return store.settle(text.id(), DeliveryStatus.PERMANENT_FAILURE, NO_RECEIPT, now);
		}
		return false;
	}

}
