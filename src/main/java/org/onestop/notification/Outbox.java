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

	/**
	 * The rows of an inbox message (called by {@link Inbox#send}): the kind is known per
	 * node, the person's reach and the kind's templates are one query each.
	 * @param expires when the message stops mattering (a reminder's slot starts), or
	 * null: a text that quiet hours would hold until then is not sent
	 */
	void write(UUID notificationId, Message message, Instant now, Instant expires) {
		Kind kind = templates.kind(message.subjectKey())
			.orElseGet(() -> new Kind(message.subjectKey(), List.of(), Topic.STAFF_WORK, false));
		Recipients.Reach reach = recipients.reach(message.recipient(), kind.topic());
		Templates.KindTemplates written = templates.templates(kind, reach.language());
		written.render(Channel.INBOX, message.arguments())
			.ifPresent(inbox -> store.add(
					new NewRow(UUID.randomUUID(), notificationId, message.recipient(), kind.template(), Channel.INBOX,
							null, reach.language().getLanguage(), inbox, false, DeliveryStatus.DELIVERED, null, null),
					now));
		boolean outgoing = false;
		if (reach.phone().isPresent()) {
			Optional<Rendered> text = written.render(Channel.SMS, message.arguments());
			if (text.isPresent()) {
				outgoing |= add(UUID.randomUUID(), notificationId, message.recipient(), kind, Channel.SMS,
						reach.phone().get(), reach.language(), text.get(), false, now, expires);
			}
		}
		if (reach.email().isPresent()) {
			Optional<Rendered> mail = written.render(Channel.EMAIL, message.arguments());
			if (mail.isPresent()) {
				outgoing |= add(UUID.randomUUID(), notificationId, message.recipient(), kind, Channel.EMAIL,
						reach.email().get(), reach.language(), mail.get(), false, now, expires);
			}
		}
		if (outgoing) {
			signal.written();
		}
	}

	/**
	 * Texts a phone directly, not through an inbox: a one-time code, to a number that may
	 * have no account behind it yet. Joins the caller's transaction.
	 * @param recipient the username (or, before registration, the ID number) the code is
	 * for, so that staff find the row under that person; null when not known
	 * @return the row's id, or empty when the kind has no SMS template in that language
	 */
	@Transactional
	public Optional<UUID> text(String recipient, String phone, String template, List<String> arguments, Locale language,
			boolean sensitive) {
		return direct(Channel.SMS, recipient, phone, template, arguments, language, sensitive);
	}

	/**
	 * E-mails an address directly (a code proving the address). Joins the caller's
	 * transaction.
	 * @param recipient the username the address is being proved for
	 */
	@Transactional
	public Optional<UUID> mail(String recipient, String email, String template, List<String> arguments, Locale language,
			boolean sensitive) {
		return direct(Channel.EMAIL, recipient, email, template, arguments, language, sensitive);
	}

	private Optional<UUID> direct(Channel channel, String recipient, String address, String template,
			List<String> arguments, Locale language, boolean sensitive) {
		Kind kind = templates.kind(template).orElseThrow(() -> new IllegalArgumentException("No kind " + template));
		Instant now = clock.instant();
		return templates.templates(kind, language).render(channel, arguments).map(r -> {
			UUID id = UUID.randomUUID();
			add(id, null, recipient, kind, channel, address, language, r, sensitive, now, null);
			signal.written();
			return id;
		});
	}

	/**
	 * Adds one outgoing row; answers whether it waits for a dispatcher. A text counts
	 * towards the daily limit of the city day it may go out on, not the day it is
	 * written: a text held by quiet hours belongs to the morning's day.
	 */
	private boolean add(UUID id, UUID notificationId, String recipient, Kind kind, Channel channel, String address,
			Locale language, Rendered rendered, boolean sensitive, Instant now, Instant expires) {
		Instant next = channel == Channel.SMS ? sms.notBefore(now, kind) : now;
		String withheld = null;
		if (expires != null && !next.isBefore(expires)) {
			withheld = "expired";
		}
		else if (channel == Channel.SMS && kind.topic() != Topic.CODES && !sms.countForDay(address, next)) {
			withheld = "daily-limit";
		}
		store.add(
				withheld == null
						? new NewRow(id, notificationId, recipient, kind.template(), channel, address,
								language.getLanguage(), rendered, sensitive, DeliveryStatus.CREATED, next, null)
						: new NewRow(id, notificationId, recipient, kind.template(), channel, address,
								language.getLanguage(), rendered, sensitive, DeliveryStatus.WITHHELD, null, withheld),
				now);
		return withheld == null;
	}

}
