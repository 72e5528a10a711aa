package org.onestop.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.complaint.Channel;
import org.onestop.complaint.Complaints;
import org.onestop.complaint.Filed;
import org.onestop.complaint.Intake;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Subscription;
import org.onestop.shared.ContactChannel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a hotline or chat agent does: go on and off duty, see their pool's queue, accept a
 * conversation (exactly one of two agents accepting at once wins), read the whole
 * transcript with the citizen's open applications and appointments, answer, act for the
 * citizen, file a complaint for them, end with an outcome, and log phone calls. An agent
 * sees a conversation only while it waits in their pool or once it is theirs; otherwise
 * 404. The outcome COMPLAINT_FILED always points at a complaint filed in that very
 * conversation, call or call back.
 */
@Service
class AgentDesk {

	/** How a conversation or call ended. */
	enum Outcome {

		RESOLVED, INFORMATION_GIVEN, REFERRED, CALLBACK_SCHEDULED, COMPLAINT_FILED, NO_RESPONSE;

		/** Every outcome's name, in order, as the forms offer them. */
		static List<String> names() {
			return Arrays.stream(values()).map(Enum::name).toList();
		}

	}

	/** One waiting conversation; {@code citizen} is the citizen's name when signed in. */
	record QueueEntry(UUID id, long waitedSeconds, String topic, String citizen) {
	}

	/**
	 * Who the citizen is and what they have open, so that they need not repeat
	 * themselves.
	 */
	record CitizenCard(String name, List<CitizenRecords.ApplicationLine> openApplications,
			List<CitizenRecords.AppointmentLine> appointments) {
	}

	/** A conversation as its agent sees it. */
	record AgentView(UUID id, String channel, Handoff state, String topic, Instant startedAt, Instant queuedAt,
			String agent, String outcome, UUID complaintId, List<ConversationStore.Line> messages,
			List<MatterSuggestion> matters, CitizenCard citizen) {
	}

	/**
	 * A phone call to the hotline, logged afterwards; {@code complaintId} is the
	 * complaint filed during the call when the outcome is COMPLAINT_FILED.
	 */
	record CallLog(String citizen, String topic, String notes, String outcome, Integer durationSeconds, String slot,
			String phone, String complaintId) {
	}

	/**
	 * A complaint an agent files for the citizen. {@code citizen} (the citizen's account,
	 * if known) is read for phone calls only: a chat's citizen is the conversation's.
	 */
	record ComplaintForm(String categoryCode, String description, String address, String contactPhone, String citizen) {
	}

	private final ConversationStore store;

	private final WaitingLine line;

	private final CitizenRecords records;

	private final Callbacks callbacks;

	private final ReplyTexts texts;

	private final Catalog catalog;

	private final ConversationFeed live;

	private final Complaints complaints;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AgentDesk(ConversationStore store, WaitingLine line, CitizenRecords records, Callbacks callbacks, ReplyTexts texts,
			Catalog catalog, ConversationFeed live, Complaints complaints, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.line = line;
		this.records = records;
		this.callbacks = callbacks;
		this.texts = texts;
		this.catalog = catalog;
		this.live = live;
		this.complaints = complaints;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void availability(OneStopUser agent, Boolean onDuty) {
		String pool = pool(agent);
		if (onDuty == null) {
			throw new InvalidInputException("onDuty", "assistant.agent.on-duty.required");
		}
		line.onDuty(agent.username(), pool, onDuty);
		line.bump(pool);
		events.publishEvent(new ConversationChanged(agent.username(), "agent:" + agent.username(),
				onDuty ? "AGENT_ON_DUTY" : "AGENT_OFF_DUTY"));
	}

	/**
	 * The pool's waiting conversations, longest wait first; citizens who left are marked
	 * so first.
	 */
	@Transactional
	public List<QueueEntry> queue(OneStopUser agent) {
		String pool = pool(agent);
		Instant now = clock.instant();
		line.seen(List.of(agent.username()));
		line.markAbandoned(pool, now);
		return line.waiting(pool, now);
	}

	/**
	 * Takes a waiting conversation over. Of two agents at once, one wins and the other
	 * gets 409.
	 */
	@Transactional
	public AgentView accept(OneStopUser agent, UUID id) {
		String pool = pool(agent);
		Instant now = clock.instant();
		line.seen(List.of(agent.username()));
		line.markAbandoned(pool, now);
		boolean won = store.accept(id, agent.username(), pool, now);
		Conversation c = store.find(id).orElseThrow(this::notFound);
		if (!won) {
			if (agent.username().equals(c.agent())) {
				return view(agent, c);
			}
			if (pool.equals(c.pool()) && c.queuedAt() != null && c.agent() != null) {
				throw new ConflictException("assistant.agent.taken");
			}
			throw notFound();
		}
		line.bump(pool);
		store.say(id, "SYSTEM", null,
				texts.text(Locale.forLanguageTag(c.locale()), "assistant.agent.joined", agent.displayName()), now);
		events.publishEvent(new ConversationChanged(agent.username(), "conversation:" + id, "AGENT_ACCEPTED"));
		return view(agent, store.find(id).orElseThrow());
	}

	@Transactional
	public AgentView conversation(OneStopUser agent, UUID id) {
		return view(agent, visible(agent, id));
	}

	/** The agent answers the citizen, live. */
	@Transactional
	public ConversationStore.Line reply(OneStopUser agent, UUID id, String text) {
		Conversation c = connected(agent, id);
		line.seen(List.of(agent.username()));
		String clean = checkedText(text);
		long lineId = store.say(id, "AGENT", agent.username(), clean, clock.instant());
		events.publishEvent(new ConversationChanged(agent.username(), "conversation:" + c.id(), "AGENT_MESSAGE"));
		return store.lines(id, lineId - 1).get(0);
	}

	/**
	 * Starts an application for the citizen: the application module opens drafts only for
	 * the signed-in applicant (its prefill reads registries as them), so the agent sends
	 * the matter's form as a button the citizen presses.
	 */
	@Transactional
	public ConversationStore.Line offerApplication(OneStopUser agent, UUID id, String serviceCode) {
		return offerLink(agent, id, serviceCode, m -> true, "assistant.draft.offered", "assistant.draft.matter.unknown",
				"/apply", "APPLICATION_OFFERED");
	}

	/**
	 * Sends the citizen a button that opens the booking page of a matter with halls: the
	 * appointment is theirs, in their name, so they pick the hall and time themselves,
	 * one click from the conversation.
	 */
	@Transactional
	public ConversationStore.Line offerBooking(OneStopUser agent, UUID id, String serviceCode) {
		return offerLink(agent, id, serviceCode, m -> !m.definition().halls().isEmpty(), "assistant.booking.offered",
				"assistant.booking.matter.unknown", "/book", "BOOKING_OFFERED");
	}

	/**
	 * A line with a button to one of an offerable matter's pages, in the citizen's
	 * language.
	 */
	private ConversationStore.Line offerLink(OneStopUser agent, UUID id, String serviceCode,
			Predicate<Matter> offerable, String offeredKey, String unknownKey, String page, String action) {
		Conversation c = connected(agent, id);
		Locale locale = Locale.forLanguageTag(c.locale());
		String code = serviceCode == null ? "" : serviceCode.strip();
		String name = catalog.matter(code).filter(offerable).map(m -> m.definition().name().in(locale)).orElse(null);
		if (name == null) {
			throw new InvalidInputException("serviceCode", unknownKey);
		}
		long lineId = store.say(id, "SYSTEM", agent.username(), texts.text(locale, offeredKey, name),
				"/services/" + code + page, clock.instant());
		events.publishEvent(new ConversationChanged(agent.username(), "conversation:" + id, action));
		return store.lines(id, lineId - 1).get(0);
	}

	/** Books a callback on the citizen's behalf. */
	@Transactional
	public Callbacks.CallbackTask scheduleCallback(OneStopUser agent, UUID id, String slot, String phone) {
		Conversation c = connected(agent, id);
		return callbacks.schedule(agent.username(), store.lock(id).orElseThrow(), slot, phone,
				Locale.forLanguageTag(c.locale()));
	}

	/**
	 * Files a complaint for the citizen during a chat (channel CHAT): the transcript is
	 * attached, and the complaint is in the citizen's name when they are signed in (an
	 * anonymous one needs a contact phone). Without a description, what the citizen wrote
	 * is the description. The citizen reads the tracking code in the chat.
	 */
	@Transactional
	public Filed fileComplaint(OneStopUser agent, UUID id, ComplaintForm form) {
		Conversation c = connected(agent, id);
		String description = form.description() == null || form.description().isBlank()
				? citizenWords(store.lines(id, 0)) : form.description();
		Filed filed = complaints.file(agent, new Intake(Channel.CHAT, form.categoryCode(), description, form.address(),
				null, null, List.of(), null, form.contactPhone(), null, id, c.citizen(), null, c.contactChannel()));
		Instant now = clock.instant();
		store.say(id, "SYSTEM", agent.username(),
				texts.text(Locale.forLanguageTag(c.locale()), "assistant.complaint.filed", filed.trackingCode()), now);
		events.publishEvent(new ConversationChanged(agent.username(), "conversation:" + id, "COMPLAINT_FILED"));
		return filed;
	}

	/**
	 * Files a complaint during a phone call (channel PHONE), before the call is logged: a
	 * call exists only once logged, and logging it with the outcome COMPLAINT_FILED and
	 * this complaint's id links the two.
	 */
	@Transactional
	public Filed fileCallComplaint(OneStopUser agent, ComplaintForm form) {
		pool(agent);
		String citizen = form.citizen() == null || form.citizen().isBlank() ? null : form.citizen().strip();
		Filed filed = complaints.file(agent, new Intake(Channel.PHONE, form.categoryCode(), form.description(),
				form.address(), null, null, List.of(), null, form.contactPhone(), null, null, citizen, null));
		events.publishEvent(new ConversationChanged(agent.username(), "complaint:" + filed.id(), "COMPLAINT_FILED"));
		return filed;
	}

	/**
	 * What the citizen wrote in a conversation, in order, as a complaint's description
	 * (at most as long as one may be).
	 */
	static String citizenWords(List<ConversationStore.Line> lines) {
		String words = String
			.join("\n",
					lines.stream().filter(l -> "CITIZEN".equals(l.author())).map(ConversationStore.Line::text).toList())
			.strip();
		return words.length() <= MAX_COMPLAINT ? words : words.substring(0, MAX_COMPLAINT).strip();
	}

	/** How long a complaint's description may be (as the complaint module takes it). */
	static final int MAX_COMPLAINT = 4000;

	/**
	 * Ends the conversation with an outcome; COMPLAINT_FILED needs the id of a complaint
	 * filed in this conversation (400 beside {@code complaintId} otherwise).
	 */
	@Transactional
	public AgentView end(OneStopUser agent, UUID id, String outcome, String complaintId) {
		Outcome o = outcome(outcome);
		Conversation c = connected(agent, id);
		UUID complaint = complaint(o, complaintId, filed -> complaints.filedIn(filed, id));
		Instant now = clock.instant();
		store.end(id, o, complaint, now);
		store.say(id, "SYSTEM", null, texts.text(Locale.forLanguageTag(c.locale()), "assistant.agent.ended"), now);
		events.publishEvent(new ConversationChanged(agent.username(), "conversation:" + id, "ENDED_" + o.name()));
		return view(agent, store.find(id).orElseThrow());
	}

	/**
	 * A phone call to the hotline, logged as an ended conversation on the PHONE channel
	 * with the same outcomes. COMPLAINT_FILED needs the id of the complaint this agent
	 * filed during the call ({@link #fileCallComplaint}), which then belongs to the call.
	 */
	@Transactional
	public AgentView logCall(OneStopUser agent, CallLog call) {
		String pool = pool(agent);
		Outcome o = outcome(call.outcome());
		String topic = call.topic() == null ? "" : HandoffPhrases.printable(call.topic()).strip();
		if (topic.isEmpty() || topic.length() > 200) {
			throw new InvalidInputException("topic", "assistant.call.topic.required");
		}
		Instant now = clock.instant();
		int seconds = call.durationSeconds() == null ? 0 : Math.max(0, Math.min(call.durationSeconds(), 86_400));
		UUID id = UUID.randomUUID();
		String citizen = call.citizen() == null || call.citizen().isBlank() ? null : call.citizen().strip();
		store.insert(id, "PHONE", ContactChannel.HOTLINE, citizen, null, null, pool, "zh", now.minusSeconds(seconds));
		store.connectCall(id, agent.username(), topic);
		UUID complaint = complaint(o, call.complaintId(), filed -> complaints.attachCall(filed, agent, id));
		if (call.notes() != null && !call.notes().isBlank()) {
			store.say(id, "AGENT", agent.username(), checkedText(call.notes()), now);
		}
		if (o == Outcome.CALLBACK_SCHEDULED) {
			callbacks.schedule(agent.username(), store.lock(id).orElseThrow(), call.slot(), call.phone(), Locale.CHINA);
		}
		store.end(id, o, complaint, now);
		events.publishEvent(new ConversationChanged(agent.username(), "conversation:" + id, "CALL_LOGGED"));
		return view(agent, store.find(id).orElseThrow());
	}

	public List<Callbacks.CallbackTask> callbacks(OneStopUser agent) {
		return callbacks.open(pool(agent));
	}

	/**
	 * A callback made; COMPLAINT_FILED needs the complaint filed during the call back (by
	 * phone, or already in the callback's conversation), which then belongs to it.
	 */
	@Transactional
	public Callbacks.CallbackTask callbackDone(OneStopUser agent, UUID id, String outcome, String complaintId) {
		Outcome o = outcome(outcome);
		String pool = pool(agent);
		UUID complaint = complaint(o, complaintId, filed -> true);
		Callbacks.CallbackTask task = callbacks.done(agent.username(), pool, id, o, complaint);
		if (complaint != null && !complaints.filedIn(complaint, task.conversation())
				&& !complaints.attachCall(complaint, agent, task.conversation())) {
			throw new InvalidInputException("complaintId", "assistant.complaint.id.unknown");
		}
		return task;
	}

	/**
	 * Live updates of the pool's queue (server-sent events named {@code queue}), to open
	 * with the event hub.
	 */
	public Subscription<?, ?> queueEvents(OneStopUser agent) {
		return live.queue(pool(agent), agent.username());
	}

	/**
	 * Live updates of a conversation the agent may see (handoff, message), to open with
	 * the event hub.
	 */
	public Subscription<?, ?> events(OneStopUser agent, UUID id) {
		Conversation c = visible(agent, id);
		return live.forAgent(c.id(), c.pool(), agent.username());
	}

	/** The conversation if the agent may see it: waiting in their pool, or theirs. */
	Conversation visible(OneStopUser agent, UUID id) {
		String pool = pool(agent);
		line.markAbandoned(pool, clock.instant());
		return store.find(id)
			.filter(c -> agent.username().equals(c.agent()) || (c.waiting() && pool.equals(c.pool())))
			.orElseThrow(this::notFound);
	}

	private Conversation connected(OneStopUser agent, UUID id) {
		Conversation c = store.lock(id).filter(x -> agent.username().equals(x.agent())).orElseThrow(this::notFound);
		pool(agent);
		if (c.handoff() != Handoff.CONNECTED) {
			throw new ConflictException("assistant.agent.not-connected");
		}
		return c;
	}

	private AgentView view(OneStopUser agent, Conversation c) {
		CitizenCard card = null;
		// Who the citizen is and what they have open: only to the agent talking with
		// them, and only while they talk.
		if (c.citizen() != null && "WEB".equals(c.channel()) && c.handoff() == Handoff.CONNECTED
				&& agent.username().equals(c.agent())) {
			Locale locale = Locale.forLanguageTag(c.locale());
			card = new CitizenCard(c.citizenName(), records.applications(c.citizen(), locale),
					records.appointments(c.citizen(), locale));
			// P2: every read of a citizen's data is on record.
			events
				.publishEvent(new ConversationChanged(agent.username(), "account:" + c.citizen(), "CITIZEN_DATA_READ"));
		}
		return new AgentView(c.id(), c.channel(), c.handoff(), c.topic(), c.startedAt(), c.queuedAt(), c.agent(),
				c.outcome(), c.complaintId(), store.lines(c.id(), 0), store.matters(c.id()), card);
	}

	/** The agent's pool is their department; only agents have one. */
	static String pool(OneStopUser user) {
		if (user == null || !user.has(Role.AGENT) || user.department() == null) {
			throw new ForbiddenException("assistant.agent.forbidden");
		}
		return user.department();
	}

	private static Outcome outcome(String outcome) {
		try {
			return Outcome.valueOf(outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("outcome", "assistant.outcome.invalid");
		}
	}

	/**
	 * The complaint an outcome points at: only COMPLAINT_FILED points at one, and it must
	 * be given and {@code filedHere} (400 beside {@code complaintId} otherwise).
	 */
	private static UUID complaint(Outcome o, String complaintId, Predicate<UUID> filedHere) {
		if (o != Outcome.COMPLAINT_FILED) {
			return null;
		}
		if (complaintId == null || complaintId.isBlank()) {
			throw new InvalidInputException("complaintId", "assistant.complaint.id.required");
		}
		UUID id;
		try {
			id = UUID.fromString(complaintId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("complaintId", "assistant.complaint.id.unknown");
		}
		if (!filedHere.test(id)) {
			throw new InvalidInputException("complaintId", "assistant.complaint.id.unknown");
		}
		return id;
	}

	private static String checkedText(String text) {
		String clean = text == null ? "" : HandoffPhrases.printable(text).strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException("text", "assistant.text.required");
		}
		if (clean.length() > Conversations.MAX_TEXT) {
			throw new InvalidInputException("text", "assistant.text.too-long", String.valueOf(Conversations.MAX_TEXT));
		}
		return clean;
	}

	private ProblemException notFound() {
		return new NotFoundException("assistant.conversation.not-found");
	}

}
