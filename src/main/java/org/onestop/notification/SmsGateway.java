package org.onestop.notification;

import java.time.LocalDate;
import java.util.Map;
import java.util.List;

/**
 * A provider's SMS API, as the dispatcher calls it. One implementation per provider; the
 * one configured (by {@code onestop.notification.sms.provider}) is used. Chinese
 * providers send only texts from templates approved in advance, under an approved
 * signature, so the call carries the template code and its parameters as well as the
 * rendered text (for providers that take free text, and for the record). How to add a
 * provider, and what each outcome makes the dispatcher do: {@code docs/sms-providers.md}.
 * A provider's delivery receipts reach the rows through {@link DeliveryReceipts}.
 */
public interface SmsGateway {

	/**
	 * The provider's short name, as in the receipts path
	 * {@code /api/v1/notifications/receipts/{provider}}.
	 */
	String provider();

	/**
	 * Hands one text to the provider. Must not throw for the provider's own answers, nor
	 * for timeouts or refused connections: each becomes an {@link Outcome}. The
	 * idempotency key is the same on every retry of the same row. Never log the phone
	 * number in full or the provider's secrets.
	 */
	Result send(Sms sms);

	/**
	 * What the provider knows of a text sent earlier under this idempotency key, asked
	 * before a row that was tried before is sent again, and of accepted texts whose
	 * receipt is late: a text the provider has already taken is adopted, not sent twice.
	 * Must not throw: a provider that cannot be asked (timeouts, its own errors, no
	 * credentials) answers {@link Lookup#unknown}, and then nothing is sent.
	 * @param sentOn the city day the earlier attempt was made
	 */
	Lookup find(String idempotencyKey, String phone, LocalDate sentOn);

	/**
	 * What is missing for this provider to send (credentials, say), in words for the
	 * operator; empty when it is set up.
	 */
	default List<String> problems() {
		return List.of();
	}

	/**
	 * @param idempotencyKey the outbox row's id; providers that take one (Aliyun's
	 * {@code OutId}) get it, and it comes back in their receipts
	 * @param phone the mainland mobile number, 11 digits
	 * @param signature the approved signature, without the brackets
	 */
	record Sms(String idempotencyKey, String phone, String signature, String templateCode,
			Map<String, String> parameters, String text) {
	}

	/** What the provider said. */
	enum Outcome {

		/** Taken; the receipt will say whether it reached the phone. */
		ACCEPTED,
		/** Taken and known delivered already. */
		DELIVERED,
		/**
		 * May pass (throttling, the provider's own errors, timeouts, no connection): try
		 * again later. After a timeout the text may have been taken after all; its
		 * receipt then settles the row before the retry.
		 */
		TEMPORARY_FAILURE,
		/** The phone is the problem (no such number, blacklisted): no retry will help. */
		PERMANENT_FAILURE,
		/**
		 * Our side is wrong (signature or template not approved, bad credentials, an
		 * unknown refusal): staff must act.
		 */
		TECHNICAL_FAILURE

	}

	/**
	 * @param providerRef the provider's id of the text (Aliyun's {@code BizId}), to match
	 * receipts by
	 * @param detail the provider's code and words, for staff
	 */
	record Result(Outcome outcome, String providerRef, String detail) {
	}

	/**
	 * The answer to {@link #find}: the provider knows the text ({@code result} says how
	 * it went), has no record of it, or could not be asked ({@code result} is a
	 * {@link Outcome#TEMPORARY_FAILURE} saying why).
	 */
	record Lookup(Known known, Result result) {

		public static Lookup found(Result result) {
			return new Lookup(Known.FOUND, result);
		}

		public static Lookup notFound() {
			return new Lookup(Known.NOT_FOUND, null);
		}

		public static Lookup unknown(String why) {
			return new Lookup(Known.UNKNOWN, new Result(Outcome.TEMPORARY_FAILURE, null, why));
		}

	}

	/** Whether the provider knows a text. */
	enum Known {

		FOUND, NOT_FOUND, UNKNOWN

	}

}
