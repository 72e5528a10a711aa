package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.platform.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks (回拨): when nobody is free, the citizen picks a slot on a working day within working hours and leaves a
 * mainland phone number; the callback becomes a task of the pool with a due time, and one not done by then is
 * escalated to the department heads. The sweep is one conditional UPDATE … RETURNING, so with several nodes each
 * missed callback is escalated exactly once.
 */
@Service
class Callbacks {

	/** A callback task as agents see it. */
	record CallbackTask(UUID id, UUID conversation, String phone, Instant slot, Instant due, String requestedBy,
			String doneBy, Instant doneAt, String outcome, Instant escalatedAt) {
	}

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient db;
	private final ConversationStore store;
	private final WaitingLine line;
	private final WorkingCalendar calendar;
	private final Inbox inbox;
	private final ReplyTexts texts;
	private final AssistantProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	Callbacks(JdbcClient db, ConversationStore store, WaitingLine line, WorkingCalendar calendar, Inbox inbox,
			ReplyTexts texts, AssistantProperties properties, ApplicationEventPublisher events, Clock clock,
			PlatformProperties platform) {
		this.db = db;
		this.store = store;
		this.line = line;
		this.calendar = calendar;
		this.inbox = inbox;
		this.texts = texts;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	/**
	 * Books a callback for the conversation (whose row lock the caller holds). A queued citizen leaves the queue;
	 * a conversation with an agent stays connected (the agent books it on the citizen's behalf).
	 *
	 * @param slot a local date-time in the city's time zone ({@code 2026-12-01T10:00}) or one with an offset
	 */
	CallbackTask schedule(String actor, Conversation c, String slot, String phone, Locale locale) {
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		Instant at = slot(slot, now, problems);
		String number = phone(phone, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO assistant_callback (id, conversation_id, pool, phone, slot_at, due_at, requested_by, requested_at)
				VALUES (:id, :c, :pool, :phone, :slot, :due, :by, :now)""")
			.param("id", id).param("c", c.id()).param("pool", c.pool()).param("phone", number)
			.param("slot", Timestamp.from(at)).param("due", Timestamp.from(at.plus(properties.callbackGrace())))
			.param("by", actor).param("now", Timestamp.from(now)).update();
		if (c.handoff() != Handoff.CONNECTED) {
			store.set(c.id(), "handoff = 'CALLBACK_SCHEDULED', person_requested_at = coalesce(person_requested_at, :now)", now);
			if (c.handoff() == Handoff.QUEUED) {
				line.bump(c.pool());
			}
		}
		store.say(c.id(), "SYSTEM", null,
				texts.text(locale, "assistant.callback.scheduled", WHEN.format(at.atZone(zone)), masked(number)), now);
		events.publishEvent(new ConversationChanged(actor, "callback:" + id, "CALLBACK_SCHEDULED"));
		return find(id);
	}

	/** The pool's callbacks not done yet, the most urgent first. */
	List<CallbackTask> open(String pool) {
		return db.sql("SELECT * FROM assistant_callback WHERE pool = :p AND done_at IS NULL ORDER BY due_at")
			.param("p", pool).query(Callbacks::map).list();
	}

	@Transactional
	CallbackTask done(String agent, String pool, UUID id, AgentDesk.Outcome outcome) {
		int updated = db.sql("""
				UPDATE assistant_callback SET done_by = :a, done_at = :now, outcome = :o
				WHERE id = :id AND pool = :p AND done_at IS NULL""")
			.param("a", agent).param("now", Timestamp.from(clock.instant())).param("o", outcome.name()).param("id", id)
			.param("p", pool).update();
		if (updated == 0) {
			throw new NotFoundException("assistant.callback.not-found");
		}
		events.publishEvent(new ConversationChanged(agent, "callback:" + id, "CALLBACK_DONE"));
		return find(id);
	}

	/** Escalates every callback not done by its due time, once; answers how many. */
	@Transactional
	public int escalateDue(Instant now) {
		String heads = String.join(",", properties.escalateTo());
		record Missed(UUID id, String phone, Instant slot) {
		}
		List<Missed> missed = db.sql("""
				UPDATE assistant_callback SET escalated_at = :now, escalated_to = :heads
				WHERE escalated_at IS NULL AND done_at IS NULL AND due_at < :now
				RETURNING id, phone, slot_at""")
			.param("now", Timestamp.from(now)).param("heads", heads)
			.query((rs, n) -> new Missed(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
		for (Missed m : missed) {
			for (String head : properties.escalateTo()) {
				inbox.send(new Message(head, "assistant.callback.escalated",
						List.of(WHEN.format(m.slot().atZone(zone)), masked(m.phone())), "/staff", "CALLBACK_OVERDUE"));
			}
			events.publishEvent(new ConversationChanged("system", "callback:" + m.id(), "CALLBACK_ESCALATED"));
		}
		return missed.size();
	}

	/** Through the proxy, so the escalation and its inbox notices commit together (or not at all). */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT40S")
	@Transactional
	void sweep() {
		escalateDue(clock.instant());
	}

	CallbackTask find(UUID id) {
		return db.sql("SELECT * FROM assistant_callback WHERE id = :id").param("id", id).query(Callbacks::map).single();
	}

	private Instant slot(String slot, Instant now, List<FieldProblem> problems) {
		if (slot == null || slot.isBlank()) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.required"));
			return null;
		}
		LocalDateTime local;
		try {
			local = slot.strip().matches(".*([zZ]|[+-]\\d\\d:?\\d\\d)$")
					? OffsetDateTime.parse(slot.strip()).atZoneSameInstant(zone).toLocalDateTime()
					: LocalDateTime.parse(slot.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.invalid"));
			return null;
		}
		Instant at = local.atZone(zone).toInstant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		if (!at.isAfter(now)) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.past"));
		}
		else if (local.toLocalDate().isAfter(today.plusDays(properties.callbackDaysAhead()))) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.too-far", String.valueOf(properties.callbackDaysAhead())));
		}
		else if (!calendar.isWorkingDay(local.toLocalDate())) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.working-day"));
		}
		else if (local.toLocalTime().isBefore(properties.callbackOpens())
				|| !local.toLocalTime().isBefore(properties.callbackCloses())) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.hours", properties.callbackOpens().toString(),
					properties.callbackCloses().toString()));
		}
		return at;
	}

	/** A mainland mobile or landline number, without spaces, dashes or the +86 prefix; null (and a problem) if not. */
	static String phone(String phone, List<FieldProblem> problems) {
		if (phone == null || phone.isBlank()) {
			problems.add(new FieldProblem("phone", "assistant.callback.phone.required"));
			return null;
		}
		String digits = phone.strip().replaceAll("[\\s()\\-]", "").replaceFirst("^(\\+86|0086)", "");
		if (!MOBILE.matcher(digits).matches() && !LANDLINE.matcher(digits).matches()) {
			problems.add(new FieldProblem("phone", "assistant.callback.phone.invalid"));
			return null;
		}
		return digits;
	}

	static String masked(String phone) {
		return phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	private static CallbackTask map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		Timestamp escalated = rs.getTimestamp("escalated_at");
		return new CallbackTask(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getString("phone"), rs.getTimestamp("slot_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
				rs.getString("requested_by"), rs.getString("done_by"), done == null ? null : done.toInstant(),
				rs.getString("outcome"), escalated == null ? null : escalated.toInstant());
	}
}
