package org.onestop.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.onestop.assistant.Conversation.Asker;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.Subscription;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's side of the assistant (P1: a person is always one step away), for the API
 * and the pages alike. A typed request for a person joins the queue with that very
 * message; two unconfident replies in a row, a complaint or distress offer a person at
 * once (a complaint also offers filing it, see {@link AssistantComplaints}). Only the
 * owner reaches a conversation; to anyone else it does not exist (404). Every method that
 * changes something is audited.
 */
@Service
class Conversations {

	static final int MAX_TEXT = 1000;

	private final ConversationStore store;

	private final Handoffs handoffs;

	private final Answers answers;

	private final CitizenRecords records;

	private final ReplyTexts texts;

	private final AssistantProperties properties;

	private final Callbacks callbacks;

	private final ConversationFeed live;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AssistantQuota quota;

	private final WaitingLimits limits;

	Conversations(ConversationStore store, Handoffs handoffs, Answers answers, CitizenRecords records, ReplyTexts texts,
			AssistantProperties properties, Callbacks callbacks, ConversationFeed live,
			ApplicationEventPublisher events, Clock clock, AssistantQuota quota, WaitingLimits limits) {
		this.store = store;
		this.handoffs = handoffs;
		this.answers = answers;
		this.records = records;
		this.texts = texts;
		this.properties = properties;
		this.callbacks = callbacks;
		this.live = live;
		this.events = events;
		this.clock = clock;
		this.quota = quota;
		this.limits = limits;
	}

	/**
	 * A started conversation; {@code token} opens an anonymous one for an API client that
	 * keeps no cookie (null for a citizen's conversation).
	 */
	record Started(UUID id, String token) {
	}

	/**
	 * Starts a conversation owned by the signed-in citizen, or else by the browser
	 * session's key, or by the token it returns. An anonymous caller's device is its
	 * session key, or the device of the earlier conversation whose token it presents; one
	 * that presents neither is a new device, known by its address alone.
	 */
	@Transactional
	public Started start(Asker asker, Locale locale) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		if (asker.citizen() != null) {
			quota.use(asker, null, AssistantQuota.Kind.CONVERSATION);
			store.insert(id, "WEB", asker.channel(), asker.citizen().username(), asker.citizen().displayName(), null,
					properties.pool(), locale.getLanguage(), now);
			events.publishEvent(new ConversationChanged(asker.actor(), "conversation:" + id, "STARTED"));
			return new Started(id, null);
		}
		String device = asker.ownerKey() != null ? asker.ownerKey()
				: asker.tokenHash() == null ? null : store.ownerKeyOf(asker.tokenHash()).orElse(null);
		quota.use(asker, device, AssistantQuota.Kind.CONVERSATION);
		String token = OwnerKeys.newToken();
		store.insert(id, "WEB", asker.channel(), null, null, device != null ? device : OwnerKeys.newKey(),
				OwnerKeys.hash(token), properties.pool(), locale.getLanguage(), now);
		events.publishEvent(new ConversationChanged(asker.actor(), "conversation:" + id, "STARTED"));
		return new Started(id, token);
	}

	/** One message from the citizen, and what it leads to. */
	@Transactional
	public Reply say(Asker asker, UUID id, String text, Locale locale) {
		String clean = checked(text);
		// The whole reply in the message's language: English typed in the Chinese
		// interface is answered in English, and the reverse.
		locale = QuestionLanguage.of(clean, locale);
		Instant now = clock.instant();
		Conversation c = owned(asker, id, now);
		asker = speaking(asker, c);
		Handoffs.Return back = handoffs.seen(c, now);
		c = store.find(id).orElseThrow();
		store.say(id, "CITIZEN", null, clean, now);
		events.publishEvent(new ConversationChanged(asker.actor(), "conversation:" + id, "MESSAGE"));
		List<String> reply = new ArrayList<>();
		if (back == Handoffs.Return.LOST_PLACE) {
			reply.add(texts.text(locale, "assistant.reply.lost-place"));
		}
		List<MatterSuggestion> matters = List.of();
		List<Action> actions = new ArrayList<>();
		boolean offered = c.handoff() == Handoff.OFFERED || c.handoff() == Handoff.CALLBACK_OFFERED;
		boolean connected = c.handoff() == Handoff.CONNECTED;
		if (connected || c.handoff() == Handoff.QUEUED) {
			// Whoever is waiting or talking to a person still gets the emergency numbers
			// at once.
			if (HandoffPhrases.distress(clean)) {
				reply.add(texts.distress(locale));
			}
		}
		if (connected) {
			// The agent reads it live and answers; the assistant keeps out of the way.
			return reply(id, String.join("\n", reply), matters, actions, locale, now);
		}
		if (HandoffPhrases.asksForPerson(clean) || (offered && HandoffPhrases.yes(clean))) {
			reply.add(join(asker, c, now, locale, actions));
		}
		else if (c.handoff() == Handoff.QUEUED) {
			HandoffView view = handoffs.view(id);
			reply.add(texts.text(locale, "assistant.reply.queued.noted", view.position(), view.estimatedWaitMinutes()));
		}
		else if (offered && HandoffPhrases.no(clean)) {
			handoffs.decline(c);
			reply.add(texts.text(locale, "assistant.reply.offer.declined"));
		}
		else if (HandoffPhrases.distress(clean)) {
			offer(asker, c, now);
			reply.add(texts.distress(locale));
			reply.add(texts.text(locale, "assistant.reply.offer.distress"));
		}
		else {
			Answer answer = answers.answer(clean, locale);
			matters = answer.matters();
			actions.addAll(answer.actions());
			reply.add(answerText(asker, answer, locale, actions));
			int unconfident = answer.confident() ? 0 : c.unconfident() + 1;
			if (HandoffPhrases.complaint(clean)) {
				// Answer what can be answered ("加急…" is a question too), and offer a
				// person at once, and filing the complaint itself.
				offer(asker, c, now);
				reply.add(texts.text(locale, "assistant.reply.offer.complaint"));
				actions.add(texts.fileComplaint(locale, id));
				unconfident = 0;
			}
			else if (unconfident >= 2) {
				offer(asker, c, now);
				reply.add(texts.text(locale, "assistant.reply.offer.unconfident"));
				unconfident = 0;
			}
			store.unconfident(id, unconfident);
			store.matters(id, matters, now);
			store.topic(id, matters.isEmpty() ? abbreviated(clean) : matters.get(0).name());
		}
		return reply(id, String.join("\n", reply), matters, actions, locale, now);
	}

	/** The "talk to a person" button: the same as typing it. */
	@Transactional
	public Reply requestPerson(Asker asker, UUID id, Locale locale) {
		return say(asker, id, texts.talkToPerson(locale).message(), locale);
	}

	/** Accepts the offered person with one click: the same as answering "yes". */
	@Transactional
	public Reply acceptOffer(Asker asker, UUID id, Locale locale) {
		Handoff state = owned(asker, id, clock.instant()).handoff();
		if (state != Handoff.OFFERED && state != Handoff.CALLBACK_OFFERED) {
			// Without an open offer "yes" would be a question to the assistant, and count
			// as one it did not understand.
			throw new ConflictException("assistant.offer.none");
		}
		return say(asker, id, "en".equals(locale.getLanguage()) ? "yes" : "是", locale);
	}

	/**
	 * The whole conversation, to its owner; reading it counts as being there (a queued
	 * citizen keeps their place).
	 */
	@Transactional
	public Transcript transcript(Asker asker, UUID id) {
		Instant now = clock.instant();
		handoffs.seen(reached(asker, id), now);
		Conversation c = store.find(id).orElseThrow();
		return new Transcript(id, c.channel(), c.startedAt(), handoffs.view(c), store.lines(id, 0), store.matters(id),
				c.helpful());
	}

	/**
	 * Leaves a callback request: a slot on a working day within working hours, and a
	 * mainland phone number (400 with each bad field). A queued citizen leaves the queue;
	 * the callback becomes a task of the agents' pool.
	 */
	@Transactional
	public Callbacks.CallbackTask leaveCallback(Asker asker, UUID id, String slot, String phone, Locale locale) {
		Instant now = clock.instant();
		Conversation c = owned(asker, id, now);
		if (!callbackAvailable(c)) {
			throw new ConflictException("assistant.callback.not-available");
		}
		quota.use(speaking(asker, c), c.ownerKey(), AssistantQuota.Kind.CALLBACK);
		return callbacks.schedule(asker.actor(), c, slot, phone, locale);
	}

	/**
	 * Whether {@link #leaveCallback} would take a request now, so that pages offer it
	 * only then. Reads only; the caller has already checked ownership (through
	 * {@link #transcript}).
	 */
	boolean callbackAvailable(UUID id) {
		return store.find(id).map(this::callbackAvailable).orElse(false);
	}

	// A callback is for when nobody can take the call soon: offered, or a long or
	// hopeless wait in the queue.
	private boolean callbackAvailable(Conversation c) {
		return c.handoff() == Handoff.CALLBACK_OFFERED || (c.waiting() && handoffs.callbackWorthwhile(c));
	}

	/**
	 * Live updates of the conversation for its owner (server-sent events: handoff,
	 * message), for a controller to open with the platform's event hub. Listening counts
	 * as being there, so a queued citizen who listens keeps their place.
	 */
	@Transactional
	public Subscription<?, ?> events(Asker asker, UUID id) {
		Instant now = clock.instant();
		Conversation c = reached(asker, id);
		handoffs.seen(c, now);
		return live.forOwner(id, c.pool());
	}

	/**
	 * The citizen says whether the conversation helped. A conversation that never reached
	 * a person ends with it (it counts towards the assistant's resolution rate when
	 * helpful).
	 */
	@Transactional
	public void rate(Asker asker, UUID id, Boolean helpful) {
		if (helpful == null) {
			throw new InvalidInputException("helpful", "assistant.rating.required");
		}
		Instant now = clock.instant();
		Conversation c = owned(asker, id, now);
		store.rate(id, helpful, now);
		if (c.handoff() == Handoff.NONE || c.handoff() == Handoff.OFFERED) {
			store.endWithoutPerson(id, now);
		}
		events.publishEvent(new ConversationChanged(asker.actor(), "conversation:" + id, "RATED"));
	}

	/**
	 * The conversation if this asker owns it (row-locked), for a change; 404 otherwise,
	 * so that nothing leaks. An anonymous conversation becomes a signed-in citizen's only
	 * here, and only through the owner key of the browser session that started it (she
	 * started it, then signed in, in the same session). A conversation token never
	 * adopts: it is a capability anyone may hold (a kiosk, a shared link, someone else's
	 * script), so a signed-in holder reaches the conversation as an anonymous one, and it
	 * stays out of her name and her records.
	 */
	Conversation owned(Asker asker, UUID id, Instant now) {
		Conversation c = reached(asker, id);
		if (asker.citizen() != null && c.citizen() == null && asker.holdsKeyOf(c)) {
			store.claim(id, asker.citizen().username(), asker.citizen().displayName());
			c = store.find(id).orElseThrow();
		}
		return c;
	}

	/**
	 * The conversation if this asker owns it (row-locked), for reading: reading never
	 * changes whose it is.
	 */
	private Conversation reached(Asker asker, UUID id) {
		return store.lock(id)
			.filter(x -> x.ownedBy(asker))
			.orElseThrow(() -> new NotFoundException("assistant.conversation.not-found"));
	}

	// Who speaks in the conversation: a citizen only in her own; in one that belongs to
	// nobody signed in (reached by
	// its token) she is anonymous, so that her applications are never written into a
	// stranger's transcript.
	private static Asker speaking(Asker asker, Conversation c) {
		return c.citizen() == null ? asker.anonymous() : asker;
	}

	private String join(Asker asker, Conversation c, Instant now, Locale locale, List<Action> actions) {
		if (c.handoff() != Handoff.QUEUED && c.handoff() != Handoff.CONNECTED) {
			Optional<WaitingLimits.Reached> reached = limits.reached(asker, c, now);
			if (reached.isPresent()) {
				// Refused politely and changing nothing: the citizen's other conversation
				// keeps its place.
				if (reached.get().address()) {
					actions.add(texts.signIn(locale));
					return texts.text(locale, "assistant.reply.person.too-many-waiting-here", reached.get().limit());
				}
				return texts.text(locale, "assistant.reply.person.too-many-waiting", reached.get().limit());
			}
		}
		Handoffs.Joined joined = handoffs.requestPerson(c, now);
		if (joined == Handoffs.Joined.QUEUED || joined == Handoffs.Joined.LONG_WAIT) {
			store.queuedFrom(c.id(), asker.citizen() == null ? WaitingLimits.address(asker) : null);
		}
		if (joined != Handoffs.Joined.ALREADY) {
			events.publishEvent(new ConversationChanged(asker.actor(), "conversation:" + c.id(), "PERSON_REQUESTED"));
		}
		if (joined == Handoffs.Joined.NOBODY_ON_DUTY) {
			actions.add(texts.callback(locale, c.id()));
			return texts.text(locale, "assistant.reply.person.nobody-on-duty");
		}
		if (c.handoff() == Handoff.CONNECTED) {
			return "";
		}
		HandoffView view = handoffs.view(c.id());
		if (joined == Handoffs.Joined.LONG_WAIT) {
			actions.add(texts.callback(locale, c.id()));
			return texts.text(locale, "assistant.reply.person.long-wait", view.position(), view.estimatedWaitMinutes());
		}
		return texts.text(locale, "assistant.reply.person.queued", view.position(), view.estimatedWaitMinutes());
	}

	private void offer(Asker asker, Conversation c, Instant now) {
		handoffs.offer(c);
		events.publishEvent(new ConversationChanged(asker.actor(), "conversation:" + c.id(), "PERSON_OFFERED"));
	}

	private String answerText(Asker asker, Answer answer, Locale locale, List<Action> actions) {
		if (answer.kind() == Answer.Kind.MY_APPLICATIONS || answer.kind() == Answer.Kind.MY_APPOINTMENTS) {
			if (asker.citizen() == null) {
				actions.add(texts.signIn(locale));
				return texts.text(locale, "assistant.reply.sign-in");
			}
			String citizen = asker.citizen().username();
			return answer.kind() == Answer.Kind.MY_APPLICATIONS ? records.applicationsReply(citizen, locale)
					: records.appointmentsReply(citizen, locale);
		}
		if (answer.reply() == null || answer.reply().isBlank()) {
			return texts.text(locale, "assistant.reply.unknown");
		}
		return answer.reply();
	}

	private Reply reply(UUID id, String text, List<MatterSuggestion> matters, List<Action> actions, Locale locale,
			Instant now) {
		if (!text.isBlank()) {
			store.say(id, "ASSISTANT", null, text, now);
		}
		Conversation c = store.find(id).orElseThrow();
		HandoffView handoff = handoffs.view(c);
		boolean callback = handoff.state() == Handoff.CALLBACK_OFFERED
				|| (handoff.state() == Handoff.QUEUED && handoffs.callbackWorthwhile(c, handoff));
		if (callback && actions.stream().noneMatch(a -> a.type() == Action.Type.CALLBACK)) {
			actions.add(texts.callback(locale, id));
		}
		if (actions.stream().noneMatch(a -> a.type() == Action.Type.TALK_TO_PERSON)) {
			actions.add(texts.talkToPerson(locale));
		}
		return new Reply(text, matters, actions, handoff);
	}

	/**
	 * The text of a message, refused (400, beside {@code text}) when it is empty or too
	 * long.
	 */
	static String checked(String text) {
		String clean = text == null ? "" : HandoffPhrases.printable(text).strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException("text", "assistant.text.required");
		}
		if (clean.length() > MAX_TEXT) {
			throw new InvalidInputException("text", "assistant.text.too-long", String.valueOf(MAX_TEXT));
		}
		return clean;
	}

	private static String abbreviated(String text) {
		return text.length() <= 60 ? text : text.substring(0, 59) + "…";
	}

}
