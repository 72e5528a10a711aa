package org.onestop.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.onestop.notification.OutboxStore.NewRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a message's outbox rows in the sender's transaction: the inbox copy (delivered
 * at once), and a text and an e-mail where the recipient accepts them and the kind has a
 * template for the channel. Dispatchers on any node deliver the rest after commit; so a
 * message is sent exactly when what it tells of is kept, and a crash after commit loses
 * nothing.
 */
@Service
public class Outbox {

	private final Templates templates;

	private final Recipients recipients;

	private final SmsRules sms;

	private final OutboxStore store;

	private final DispatchSignal signal;

	private final Clock clock;

	Outbox(Templates templates, Recipients recipients, SmsRules sms, OutboxStore store, DispatchSignal signal,
			Clock clock) {
		this.templates = templates;
		this.recipients = recipients;
		this.sms = sms;
		this.store = store;
		this.signal = signal;
		this.clock = clock;
	}

	/** The rows of an inbox message (called by {@link Inbox#send}). */
	void write(UUID notificationId, Message message, Instant now) {
		Kind kind = templates.kind(message.subjectKey())
			.orElseGet(() -> new Kind(message.subjectKey(), List.of(), Topic.STAFF_WORK, false));
		Recipients.Reach reach = recipients.reach(message.recipient(), kind.topic());
		templates.render(kind, Channel.INBOX, reach.language(), message.arguments())
			.ifPresent(inbox -> store.add(
					new NewRow(UUID.randomUUID(), notificationId, message.recipient(), kind.template(), Channel.INBOX,
							null, reach.language().getLanguage(), inbox, false, DeliveryStatus.DELIVERED, null, null),
					now));
		boolean outgoing = false;
		if (reach.phone().isPresent()) {
			outgoing |= text(notificationId, message.recipient(), reach.phone().get(), kind, reach.language(),
					message.arguments(), false, now);
		}
		if (reach.email().isPresent()) {
			outgoing |= mail(notificationId, message.recipient(), reach.email().get(), kind, reach.language(),
					message.arguments(), false, now);
		}
		if (outgoing) {
			signal.written();
		}
	}

	/**
	 * Texts a phone directly, not through an inbox: a one-time code, to a number that may
	 * have no account behind it yet. Joins the caller's transaction.
	 * @return the row's id, or empty when the kind has no SMS template in that language
	 */
	@Transactional
	public Optional<UUID> text(String phone, String template, List<String> arguments, Locale language,
			boolean sensitive) {
		return direct(Channel.SMS, phone, template, arguments, language, sensitive);
	}

	/**
	 * E-mails an address directly (a code proving the address). Joins the caller's
	 * transaction.
	 */
	@Transactional
	public Optional<UUID> mail(String email, String template, List<String> arguments, Locale language,
			boolean sensitive) {
		return direct(Channel.EMAIL, email, template, arguments, language, sensitive);
	}

	private Optional<UUID> direct(Channel channel, String address, String template, List<String> arguments,
			Locale language, boolean sensitive) {
		Kind kind = templates.kind(template).orElseThrow(() -> new IllegalArgumentException("No kind " + template));
		Instant now = clock.instant();
		return templates.render(kind, channel, language, arguments).map(r -> {
			UUID id = UUID.randomUUID();
			boolean within = channel != Channel.SMS || kind.topic() == Topic.CODES || sms.countToday(address, now);
			store.add(row(id, null, null, kind, channel, address, language, r, sensitive, within, now), now);
			signal.written();
			return id;
		});
	}

	private boolean text(UUID notificationId, String recipient, String phone, Kind kind, Locale language,
			List<String> arguments, boolean sensitive, Instant now) {
		return templates.render(kind, Channel.SMS, language, arguments).map(r -> {
			boolean within = kind.topic() == Topic.CODES || sms.countToday(phone, now);
			store.add(row(UUID.randomUUID(), notificationId, recipient, kind, Channel.SMS, phone, language, r,
					sensitive, within, now), now);
			return within;
		}).orElse(false);
	}

	private boolean mail(UUID notificationId, String recipient, String email, Kind kind, Locale language,
			List<String> arguments, boolean sensitive, Instant now) {
		return templates.render(kind, Channel.EMAIL, language, arguments).map(r -> {
			store.add(row(UUID.randomUUID(), notificationId, recipient, kind, Channel.EMAIL, email, language, r,
					sensitive, true, now), now);
			return true;
		}).orElse(false);
	}

	private NewRow row(UUID id, UUID notificationId, String recipient, Kind kind, Channel channel, String address,
			Locale language, Rendered rendered, boolean sensitive, boolean within, Instant now) {
		if (!within) {
			return new NewRow(id, notificationId, recipient, kind.template(), channel, address, language.getLanguage(),
					rendered, sensitive, DeliveryStatus.WITHHELD, null, "daily-limit");
		}
		Instant next = channel == Channel.SMS ? sms.notBefore(now, kind) : now;
		return new NewRow(id, notificationId, recipient, kind.template(), channel, address, language.getLanguage(),
				rendered, sensitive, DeliveryStatus.CREATED, next, null);
	}

}
