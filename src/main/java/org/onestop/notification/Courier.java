package org.onestop.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Carries outbox rows of one channel to its provider. A courier never throws for what the
 * provider answers: every answer becomes an {@link Outcome}, which the dispatcher writes
 * back to the row.
 */
interface Courier {

	Channel channel();

	/** A provider is set up; otherwise rows of the channel end as NOT_CONFIGURED. */
	boolean configured();

	/** Hands one claimed row to the provider. Called outside any transaction. */
	Outcome deliver(Parcel parcel);

	/**
	 * A claimed outbox row, as sent. Its id is the idempotency key.
	 *
	 * @param attempts this attempt's number, from 1
	 * @param abandoned the previous attempt's dispatcher went away mid-send: the provider
	 * may already have it
	 * @param previousAttemptAt when the previous attempt was claimed (for asking the
	 * provider about it)
	 */
	record Parcel(UUID id, String template, Channel channel, String address, Locale language, String subject,
			String body, String htmlBody, String providerTemplateCode, Map<String, String> parameters,
			boolean sensitive, int attempts, boolean abandoned, Instant previousAttemptAt) {

		public Parcel {
			parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
		}

	}

	/** What became of one attempt. */
	enum Result {

		/** Taken for good (the SMTP relay accepted it; the provider knows it arrived). */
		DELIVERED,
		/** The provider took it; its receipt will settle the row. */
		ACCEPTED,
		/** Not now (quiet hours): back to waiting, the try not counted. */
		POSTPONED, TEMPORARY_FAILURE, PERMANENT_FAILURE, TECHNICAL_FAILURE

	}

	/**
	 * @param provider who took it, to match receipts by
	 * @param providerRef the provider's id of it
	 * @param detail the provider's code and words, for staff
	 * @param notBefore for {@link Result#POSTPONED}, when to try again
	 */
	record Outcome(Result result, String provider, String providerRef, String detail, Instant notBefore) {

		static Outcome delivered(String provider, String providerRef) {
			return new Outcome(Result.DELIVERED, provider, providerRef, null, null);
		}

		static Outcome accepted(String provider, String providerRef) {
			return new Outcome(Result.ACCEPTED, provider, providerRef, null, null);
		}

		static Outcome postponed(Instant until) {
			return new Outcome(Result.POSTPONED, null, null, null, until);
		}

		static Outcome failed(Result result, String detail) {
			return new Outcome(result, null, null, detail, null);
		}

	}

}
