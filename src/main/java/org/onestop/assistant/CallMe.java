package org.onestop.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.onestop.identity.CitizenContacts;
import org.onestop.platform.LocalPath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "call me back" (请给我回电) button of every form page: a callback booked from the page
 * the citizen was on, without a conversation with the assistant first. A signed-in
 * citizen is called on the phone verified on their account; anyone else types a number.
 * The callback is an ordinary one of the agents' pool (same slots, checks, limits and
 * escalation), in a conversation of its own that records the page, so the agent knows
 * what the citizen was doing.
 */
@Service
class CallMe {

	static final int MAX_TITLE = 120;

	static final int MAX_PATH = 300;

	private final Conversations conversations;

	private final ConversationStore store;

	private final Callbacks callbacks;

	private final AssistantQuota quota;

	private final ReplyTexts texts;

	private final CitizenContacts contacts;

	private final Clock clock;

	CallMe(Conversations conversations, ConversationStore store, Callbacks callbacks, AssistantQuota quota,
			ReplyTexts texts, CitizenContacts contacts, Clock clock) {
		this.conversations = conversations;
		this.store = store;
		this.callbacks = callbacks;
		this.quota = quota;
		this.texts = texts;
		this.contacts = contacts;
		this.clock = clock;
	}

	/**
	 * A booked call: the conversation it lives in, when, which number (masked), from
	 * where.
	 */
	record Booked(UUID conversation, Instant slot, String maskedPhone, Callbacks.FromPage from) {
	}

	/**
	 * The number a signed-in citizen will be called on, masked; empty when the page must
	 * ask for one.
	 */
	Optional<String> maskedPhoneOnFile(Conversation.Asker asker) {
		return phoneOnFile(asker).map(Callbacks::masked);
	}

	/**
	 * Books the callback (400 with each bad field, and then nothing is kept: no
	 * conversation, no quota spent).
	 */
	@Transactional
	public Booked request(Conversation.Asker asker, String from, String title, String slot, String phone,
			Locale locale) {
		Callbacks.FromPage page = page(from, title);
		String number = phoneOnFile(asker).orElse(phone);
		UUID id = conversations.start(asker, locale).id();
		Conversation c = store.lock(id).orElseThrow();
		quota.use(asker, c.ownerKey(), AssistantQuota.Kind.CALLBACK);
		store.topic(id, page.title());
		Instant now = clock.instant();
		store.say(id, "SYSTEM", null, texts.text(locale, "assistant.call-me.from", page.title()), now);
		Callbacks.CallbackTask task = callbacks.schedule(asker.actor(), c, slot, number, locale, page);
		return new Booked(id, task.slot(), Callbacks.masked(task.phone()), page);
	}

	private Optional<String> phoneOnFile(Conversation.Asker asker) {
		return asker.citizen() == null ? Optional.empty() : contacts.phone(asker.citizen().username());
	}

	/**
	 * The page as recorded: a path on this site (else the home page) and the title shown,
	 * both cut to size; a page without a title is known by its path.
	 */
	static Callbacks.FromPage page(String from, String title) {
		String path = LocalPath.orHome(from == null ? null : from.strip());
		if (path.length() > MAX_PATH) {
			path = path.substring(0, MAX_PATH);
		}
		String shown = title == null ? "" : HandoffPhrases.printable(title).strip();
		if (shown.length() > MAX_TITLE) {
			shown = shown.substring(0, MAX_TITLE - 1) + "…";
		}
		return new Callbacks.FromPage(path, shown.isEmpty() ? path : shown);
	}

}
