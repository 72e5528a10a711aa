package org.onestop.assistant;

import java.time.Clock;
import java.time.Duration;
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
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.platform.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks (回拨): when nobody is free, the citizen picks a slot on a working day within
 * working hours and leaves a mainland phone number; the callback becomes a task of the
 * pool with a due time, and one not done by then is escalated to the department heads.
 * The sweep is one conditional UPDATE … RETURNING, so with several nodes each missed
 * callback is escalated exactly once.
 */
@Service
class Callbacks {

	/**
	 * At most this many callbacks to one number within {@link #PER_PHONE_WINDOW}, whoever
	 * asks: nobody can make a stranger's phone ring again and again from fresh sessions.
	 */
	static final int MAX_PER_PHONE = 3;

	static final Duration PER_PHONE_WINDOW = Duration.ofHours(24);

	/** A callback task as agents see it. */
	record CallbackTask(UUID id, UUID conversation, String phone, Instant slot, Instant due, String requestedBy,
			String doneBy, Instant doneAt, String outcome, Instant escalatedAt, UUID complaintId, FromPage from) {
	}

	/**
	 * The page a "call me back" button was pressed on: its path on this site and the
	 * title the citizen saw, so that the agent knows what they were doing.
	 */
	record FromPage(String path, String title) {
	}

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final CallbackStore tasks;

	private final ConversationStore store;

	private final WaitingLine line;

	private final WorkingCalendar calendar;

	private final Inbox inbox;

	private final ReplyTexts texts;

	private final AssistantProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	Callbacks(CallbackStore tasks, ConversationStore store, WaitingLine line, WorkingCalendar calendar, Inbox inbox,
			ReplyTexts texts, AssistantProperties properties, ApplicationEventPublisher events, Clock clock,
			PlatformProperties platform) {
		this.tasks = tasks;
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
	 * Books a callback for the conversation (whose row lock the caller holds). A queued
	 * citizen leaves the queue; a conversation with an agent stays connected (the agent
	 * books it on the citizen's behalf).
	 * @param slot a local date-time in the city's time zone ({@code 2026-12-01T10:00}) or
	 * one with an offset
	 */
	CallbackTask schedule(String actor, Conversation c, String slot, String phone, Locale locale) {
		return schedule(actor, c, slot, phone, locale, null);
	}

	/**
	 * As {@link #schedule(String, Conversation, String, String, Locale)}, from a page.
	 */
	CallbackTask schedule(String actor, Conversation c, String slot, String phone, Locale locale, FromPage from) {
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		Instant at = slot(slot, now, problems);
		String number = phone(phone, problems);
		if (number != null) {
			tasks.lockPhone(number);
			if (tasks.bookedSince(number, now.minus(PER_PHONE_WINDOW)) >= MAX_PER_PHONE) {
				problems
					.add(new FieldProblem("phone", "assistant.callback.phone.too-many", String.valueOf(MAX_PER_PHONE)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		tasks.insert(id, c, number, at, at.plus(properties.callbackGrace()), actor, now, from);
		if (c.handoff() != Handoff.CONNECTED) {
			store.callbackScheduled(c.id(), now);
			if (c.handoff() == Handoff.QUEUED) {
				line.bump(c.pool());
			}
		}
		store.say(c.id(), "SYSTEM", null,
				texts.text(locale, "assistant.callback.scheduled", WHEN.format(at.atZone(zone)), masked(number)), now);
		if (c.citizen() != null) {
			// To the signed-in citizen's inbox, and so to their proved phone: an
			// anonymous
			// request gets no text, as the number it gave was never proved and a stranger
			// could have typed it.
			inbox.send(new Message(c.citizen(), "assistant.callback.confirmed",
					List.of(WHEN.format(at.atZone(zone)), masked(number)), null, "CALLBACK_BOOKED"));
		}
		events.publishEvent(new ConversationChanged(actor, "callback:" + id, "CALLBACK_SCHEDULED"));
		return find(id);
	}

	/** The pool's callbacks not done yet, the most urgent first. */
	List<CallbackTask> open(String pool) {
		return tasks.open(pool);
	}

	@Transactional
	CallbackTask done(String agent, String pool, UUID id, AgentDesk.Outcome outcome, UUID complaint) {
		if (!tasks.done(id, pool, agent, outcome, complaint, clock.instant())) {
			throw new NotFoundException("assistant.callback.not-found");
		}
		events.publishEvent(new ConversationChanged(agent, "callback:" + id, "CALLBACK_DONE"));
		return find(id);
	}

	/** Escalates every callback not done by its due time, once; answers how many. */
	@Transactional
	public int escalateDue(Instant now) {
		List<CallbackStore.Missed> missed = tasks.escalateDue(now, String.join(",", properties.escalateTo()));
		for (CallbackStore.Missed m : missed) {
			for (String head : properties.escalateTo()) {
				inbox.send(new Message(head, "assistant.callback.escalated",
						List.of(WHEN.format(m.slot().atZone(zone)), masked(m.phone())), "/staff", "CALLBACK_OVERDUE"));
			}
			events.publishEvent(new ConversationChanged("system", "callback:" + m.id(), "CALLBACK_ESCALATED"));
		}
		return missed.size();
	}

	/**
	 * Through the proxy, so the escalation and its inbox notices commit together (or not
	 * at all).
	 */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT40S")
	@Transactional
	void sweep() {
		escalateDue(clock.instant());
	}

	CallbackTask find(UUID id) {
		return tasks.find(id);
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
			problems.add(new FieldProblem("slot", "assistant.callback.slot.too-far",
					String.valueOf(properties.callbackDaysAhead())));
		}
		else if (!calendar.isWorkingDay(local.toLocalDate())) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.working-day"));
		}
		else if (local.toLocalTime().isBefore(properties.callbackOpens())
				|| !local.toLocalTime().isBefore(properties.callbackCloses())) {
			problems.add(new FieldProblem("slot", "assistant.callback.slot.hours",
					properties.callbackOpens().toString(), properties.callbackCloses().toString()));
		}
		return at;
	}

	/**
	 * A mainland mobile or landline number, without spaces, dashes or the +86 prefix;
	 * null (and a problem) if not.
	 */
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

}
