package org.onestop.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the outbox viewer's pages show; public because the compiled templates read them.
 */
public final class OutboxViewerPages {

	private OutboxViewerPages() {
	}

	/** One outbox row, its address masked. */
	public record OutboxLine(UUID id, Instant createdAt, Channel channel, Topic topic, String recipient, String address,
			DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant sentAt, Instant deliveredAt,
			String failure) {

		static OutboxLine of(OutboxViewerQueries.Row row) {
			return new OutboxLine(row.id(), row.createdAt(), row.channel(), row.topic(), row.recipient(),
					OutboxViewer.mask(row.address()), row.status(), row.attempts(), row.nextAttemptAt(), row.sentAt(),
					row.deliveredAt(), row.failure());
		}

		/** The kind of message in words: its topic. */
		public String kindKey() {
			return topic == null ? "notification.outbox.kind.other" : "notification.topic." + topic.name();
		}

		public String statusKey() {
			return "notification.status." + status.name();
		}

		/** Kept for the viewer only: no provider was configured (the demo). */
		public boolean notSent() {
			return status == DeliveryStatus.NOT_CONFIGURED;
		}

	}

	/**
	 * The list.
	 *
	 * @param recipient the filter as typed
	 * @param status the status filtered by, or blank
	 * @param notConfigured channels that send nothing (the demo)
	 */
	public record OutboxListPage(List<OutboxLine> lines, String recipient, String status, List<DeliveryStatus> statuses,
			Map<String, String> errors, int page, boolean hasNext, List<Channel> notConfigured) {

		public String link(int target) {
			return UriComponentsBuilder.fromPath("/admin/outbox")
				.queryParamIfPresent("recipient", java.util.Optional.ofNullable(blank(recipient)))
				.queryParamIfPresent("status", java.util.Optional.ofNullable(blank(status)))
				.queryParam("page", target)
				.encode()
				.build()
				.toUriString();
		}

		private static String blank(String value) {
			return value == null || value.isBlank() ? null : value;
		}

	}

	/** What is shown of a message's text. */
	public enum Text {

		/** As sent. */
		SHOWN,
		/** A one-time code, hidden in production. */
		HIDDEN,
		/** A one-time code, removed once delivered. */
		REMOVED

	}

	/**
	 * One message, exactly as it was (or would have been) sent.
	 *
	 * @param subject the e-mail's subject or the inbox line; null for a text
	 * @param body the SMS with its signature, or the e-mail's plain text
	 * @param htmlBody the e-mail's HTML source, shown as text, never rendered
	 */
	public record OutboxMessagePage(OutboxLine line, String provider, Instant updatedAt, String subject, String body,
			String htmlBody, Text text) {

	}

}
