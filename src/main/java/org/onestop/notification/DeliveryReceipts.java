package org.onestop.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.onestop.platform.LimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles SMS outbox rows from the provider's delivery receipts. A receipt finds its row
 * by the idempotency key (the row's id, which providers echo: Aliyun's {@code out_id}),
 * or else by the provider's own id of the text. Receipts come again and out of order, so
 * settling is idempotent and only ever moves a row forwards: a row awaiting its receipt
 * (or waiting for a retry after a send whose answer was lost) becomes DELIVERED or
 * PERMANENT_FAILURE; a final row stays as it is.
 */
@Service
public class DeliveryReceipts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);

	private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1\\d{2})\\d{4}(\\d{4})(?!\\d)");

	/**
	 * Batches settled at once on this node. A batch holds a pooled connection for up to
	 * 1,000 statements; without a bound, a provider pushing on many connections (or a
	 * leaked token) takes the whole pool from citizens. Past it the push is refused with
	 * 429, and providers push again later.
	 */
	static final int AT_ONCE = 2;

	private final Semaphore running = new Semaphore(AT_ONCE);

	private final ReceiptStore store;

	private final Clock clock;

	private final MeterRegistry meters;

	private final TransactionTemplate transactions;

	DeliveryReceipts(ReceiptStore store, Clock clock, MeterRegistry meters, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.store = store;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * One report from the provider.
	 *
	 * @param idempotencyKey what the provider echoes of the key it was given; may be
	 * blank or not ours
	 * @param providerRef the provider's id of the text; may be blank
	 * @param delivered whether the text reached the phone
	 * @param code the provider's (or carrier's) code, kept with a failure
	 * @param message its words
	 */
	public record Receipt(String idempotencyKey, String providerRef, boolean delivered, String code, String message) {
	}

	/**
	 * What a batch did.
	 *
	 * @param settled rows moved to DELIVERED or PERMANENT_FAILURE
	 * @param unchanged rows already settled (a repeated or late receipt)
	 * @param unknown receipts that match no SMS row of this provider
	 */
	public record Tally(int settled, int unchanged, int unknown) {
	}

	/**
	 * Settles every report of one batch; a report that matches nothing is counted, not an
	 * error.
	 */
	public Tally settle(String provider, List<Receipt> receipts) {
		// The permit before the transaction: a refused push takes no pooled connection.
		if (!running.tryAcquire()) {
			count(provider, "refused-busy", receipts.size());
			throw new LimitExceededException("problem.detail.receipts-busy");
		}
		try {
			return transactions.execute(status -> settleAll(provider, receipts));
		}
		finally {
			running.release();
		}
	}

	private Tally settleAll(String provider, List<Receipt> receipts) {
		Instant now = clock.instant();
		int settled = 0;
		int unchanged = 0;
		int unknown = 0;
		for (Receipt receipt : receipts) {
			UUID id = uuid(receipt.idempotencyKey());
			String ref = blankToNull(receipt.providerRef());
			if (id == null && ref == null) {
				unknown++;
				continue;
			}
			String failure = receipt.delivered() ? null : failure(receipt);
			if (store.settle(provider, id, ref, receipt.delivered(), failure, now)) {
				settled++;
			}
			else if (store.exists(provider, id, ref)) {
				unchanged++;
			}
			else {
				unknown++;
			}
		}
		count(provider, "settled", settled);
		count(provider, "unchanged", unchanged);
		count(provider, "unknown", unknown);
		if (unknown > 0) {
			log.warn("{} of {} receipts from {} match no text", unknown, receipts.size(), provider);
		}
		return new Tally(settled, unchanged, unknown);
	}

	private void count(String provider, String outcome, int n) {
		meters.counter("onestop.notification.receipts", "provider", provider, "outcome", outcome).increment(n);
	}

	private static String failure(Receipt receipt) {
		String text = (nullToEmpty(receipt.code()) + " " + nullToEmpty(receipt.message())).strip();
		// Carriers' words may hold the phone number.
		text = PHONE.matcher(text).replaceAll("$1****$2");
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	private static UUID uuid(String key) {
		try {
			return key == null || key.isBlank() ? null : UUID.fromString(key.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
