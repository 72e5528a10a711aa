package org.onestop.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onestop.notification.NotificationPages.InboxPage;
import org.onestop.notification.NotificationPages.NotificationView;
import org.onestop.platform.Messages;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.UnreadCount;
import org.onestop.shared.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every signed-in person's OneStop inbox: other modules send to it, its owner reads it.
 */
@Service
public class Inbox implements UnreadCount {

	static final int PAGE_SIZE = 20;

	private final NotificationStore store;

	private final Outbox outbox;

	private final Messages messages;

	private final List<InboxScope> scopes;

	private final Templates templates;

	private final Clock clock;

	Inbox(NotificationStore store, Outbox outbox, Messages messages, List<InboxScope> scopes, Templates templates,
			Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.messages = messages;
		this.scopes = scopes;
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * Sends a message to its recipient. Call it inside your own transaction: it joins it,
	 * so that the message is kept exactly when what it tells of is kept, and rolled back
	 * with it. Beside the inbox copy, the outbox keeps a text and an e-mail where the
	 * recipient accepts them; dispatchers send those after commit.
	 * @return the message's id
	 */
	@Transactional
	public UUID send(Message message) {
		return send(message, null);
	}

	/**
	 * Sends a message that stops mattering at a moment (a reminder, once its slot has
	 * started): a text that quiet hours would hold until then is not sent.
	 * @return the message's id
	 */
	@Transactional
	public UUID send(Message message, Instant expires) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		store.add(id, message, now);
		outbox.write(id, message, now, expires);
		return id;
	}

	/** How many of this person's messages are unread. */
	@Override
	public int unreadCount(String username) {
		return store.unread(username);
	}

	/**
	 * One page of the reader's inbox as they may see it: a representative under a mandate
	 * for chosen matters sees only the messages about those matters.
	 */
	InboxPage page(SignedInUser reader, int page, Locale locale) {
		Optional<Set<String>> links = scope(reader);
		if (links.isEmpty()) {
			return page(reader.username(), page, locale);
		}
		if (links.get().isEmpty()) {
			return new InboxPage(List.of(), page, PAGE_SIZE, 0);
		}
		List<NotificationView> items = views(store.pageWithin(reader.username(), links.get(), page, PAGE_SIZE), locale);
		return new InboxPage(items, page, PAGE_SIZE, store.countWithin(reader.username(), links.get()));
	}

	/** Marks a message read, if the reader may see it; otherwise it is not there. */
	Notification markRead(SignedInUser reader, String id) {
		Optional<Set<String>> links = scope(reader);
		if (links.isEmpty()) {
			return markRead(reader.username(), id);
		}
		return parse(id).filter(uuid -> !links.get().isEmpty())
			.flatMap(uuid -> store.markReadWithin(reader.username(), links.get(), uuid, clock.instant()))
			.orElseThrow(() -> new NotFoundException("notification.not-found"));
	}

	private Optional<Set<String>> scope(SignedInUser reader) {
		for (InboxScope scope : scopes) {
			Optional<Set<String>> links = scope.links(reader);
			if (links.isPresent()) {
				return links;
			}
		}
		return Optional.empty();
	}

	InboxPage page(String username, int page, Locale locale) {
		List<NotificationView> items = views(store.page(username, page, PAGE_SIZE), locale);
		return new InboxPage(items, page, PAGE_SIZE, store.count(username));
	}

	/**
	 * Marks one of the person's own messages read, and answers it. An unknown message,
	 * another person's and an id that is not even a UUID are refused alike, so that none
	 * can be told from the others.
	 */
	Notification markRead(String username, String id) {
		return parse(id).flatMap(uuid -> store.markRead(username, uuid, clock.instant()))
			.orElseThrow(() -> new NotFoundException("notification.not-found"));
	}

	int markAllRead(String username) {
		return store.markAllRead(username, clock.instant());
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The page's messages in the reader's language: an inbox line an administrator wrote
	 * for the kind replaces the bundle's text (read for the whole page at once).
	 */
	private List<NotificationView> views(List<Notification> page, Locale locale) {
		Templates.InboxLines lines = templates
			.inboxLines(page.stream().map(Notification::subjectKey).distinct().toList(), locale);
		return page.stream().map(n -> view(n, locale, lines)).toList();
	}

	private NotificationView view(Notification n, Locale locale, Templates.InboxLines lines) {
		String subject = lines.line(n.subjectKey(), n.arguments()).orElseGet(() -> {
			Object[] arguments = n.arguments().stream().map(a -> Message.shown(a, locale)).toArray();
			return messages.get(locale, n.subjectKey(), arguments);
		});
		return new NotificationView(n.id(), n.kind(), subject, n.link(), n.createdAt(), n.read());
	}

}
