package org.onestop.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.platform.InvalidInputException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The outbox as administrators see it: what went out, or would have, to whom and how it
 * fared. Addresses are masked; a one-time code's text is shown only outside production
 * (the demo's administrators read codes here in place of a phone).
 */
@Service
class OutboxViewer {

	static final int PAGE_SIZE = 25;

	private static final int ADDRESS_LENGTH = 254;

	private final OutboxViewerQueries queries;

	private final Dispatcher dispatcher;

	private final boolean production;

	OutboxViewer(OutboxViewerQueries queries, Dispatcher dispatcher, Environment environment) {
		this.queries = queries;
		this.dispatcher = dispatcher;
		this.production = environment.matchesProfiles("prod");
	}

	/**
	 * @param recipient a username or an address; null for everyone
	 * @param status null for any
	 */
	record Filter(String recipient, DeliveryStatus status) {

		/** Blank means any; a status that does not exist is refused beside its field. */
		static Filter parse(String recipient, String status) {
			String who = recipient == null || recipient.isBlank() ? null : recipient.strip();
			if (who != null && who.length() > ADDRESS_LENGTH) {
				throw new InvalidInputException("recipient", "notification.outbox.recipient.too-long", ADDRESS_LENGTH);
			}
			if (status == null || status.isBlank()) {
				return new Filter(who, null);
			}
			return Arrays.stream(DeliveryStatus.values())
				.filter(s -> s.name().equals(status.strip()))
				.findFirst()
				.map(s -> new Filter(who, s))
				.orElseThrow(() -> new InvalidInputException("status", "notification.outbox.status.invalid"));
		}

	}

	record Listing(List<OutboxViewerQueries.Row> rows, boolean hasNext) {
	}

	Listing list(Filter filter, int page) {
		List<OutboxViewerQueries.Row> rows = queries.page(filter.recipient(), filter.status(), page, PAGE_SIZE);
		return new Listing(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), rows.size() > PAGE_SIZE);
	}

	Optional<OutboxViewerQueries.Row> one(String id) {
		try {
			return queries.one(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Channels beyond the inbox with no provider: their messages are not sent. */
	List<Channel> notConfigured() {
		return List.of(Channel.SMS, Channel.EMAIL).stream().filter(c -> !dispatcher.configured(c)).toList();
	}

	/** Whether a one-time code's text may be shown (never in production). */
	boolean showsSensitive() {
		return !production;
	}

	/** 138****0000 for a phone, w***@example.com for an e-mail address. */
	static String mask(String address) {
		if (address == null) {
			return null;
		}
		int at = address.indexOf('@');
		if (at > 0) {
			return address.charAt(0) + "***" + address.substring(at);
		}
		if (address.length() >= 8) {
			return address.substring(0, 3) + "****" + address.substring(address.length() - 4);
		}
		return "****";
	}

}
