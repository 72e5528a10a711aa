package org.onestop.evaluation.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.evaluation.ServiceTitles;
import org.onestop.evaluation.SubjectType;
import org.onestop.identity.CitizenContacts;
import org.onestop.identity.CitizenNames;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's work on its follow-ups (list, read, contact the citizen, reply, the
 * ledger) and the citizen's side (read the reply, say whether it was put right). Staff
 * reach only their own department's follow-ups (another's answers 404, like one that does
 * not exist); a citizen only their own rating's.
 */
@Service
class FollowUps {

	/** Statuses on the department's list: withdrawn ones are gone. */
	private static final List<String> LISTED = List.of("OPEN", "CONTACTED", "LEDGER", "REPLIED", "CLOSED");

	/**
	 * A reply that says there is no legal basis must explain it: at least this many
	 * characters (a sentence naming the rule).
	 */
	static final int EXPLANATION_MIN = 30;

	static final int TEXT_MAX = 4000;

	static final int NOTE_MAX = 2000;

	private final FollowUpStore store;

	private final RatingQueries ratings;

	private final FlagStore flags;

	private final FollowUpNotices notices;

	private final ApplicationEventPublisher events;

	private final PlatformProperties platform;

	private final Clock clock;

	private final CitizenNames names;

	private final CitizenContacts contacts;

	private final ServiceTitles titles;

	FollowUps(FollowUpStore store, RatingQueries ratings, FlagStore flags, FollowUpNotices notices,
			ApplicationEventPublisher events, PlatformProperties platform, Clock clock, CitizenNames names,
			CitizenContacts contacts, ServiceTitles titles) {
		this.names = names;
		this.contacts = contacts;
		this.titles = titles;
		this.store = store;
		this.ratings = ratings;
		this.flags = flags;
		this.notices = notices;
		this.events = events;
		this.platform = platform;
		this.clock = clock;
	}

	/** One follow-up on the department's list. */
	record Item(UUID id, UUID ratingId, String status, int level, String subjectType, String serviceCode,
			Instant openedAt, Instant contactDue, Instant replyDue, FollowUpClock.State clock, boolean contactLate,
			LocalDate promisedDate, int version) {
	}

	/** A cause of the rating as the department sees it. */
	record CauseView(String kind, String key, String detail) {
	}

	/** One step of the timeline. */
	record Step(Instant at, String kind, String actor) {
	}

	/** The latest flag on the rating, if any. */
	record FlagView(UUID id, String reason, String decision, String decisionNote, Instant flaggedAt) {
	}

	/**
	 * Whom the department contacts: the citizen's name and the phone they proved with a
	 * code. Shown only on the department's own follow-up, never on lists.
	 */
	record Contact(String name, String phone) {
	}

	/**
	 * A follow-up with everything the department needs to act on it: who to contact
	 * (within a working day) and what service it was, with a link to its staff page.
	 */
	record Detail(Item followUp, List<String> reasons, String comment, String channel, String hall, Instant ratedAt,
			List<CauseView> causes, List<Step> timeline, Instant contactedAt, String contactNote, Instant repliedAt,
			String reply, Boolean rectified, boolean noLegalBasis, String citizenVerdict, FlagView flag,
			Contact citizen, ServiceTitles.Title service) {
	}

	/** What the citizen sees of their rating's follow-up. */
	record CitizenView(UUID ratingId, int level, String serviceCode, String status, Instant openedAt, Instant replyDue,
			Instant repliedAt, String reply, Boolean rectified, boolean noLegalBasis, LocalDate promisedDate,
			String verdict, boolean mayGiveVerdict, String ledgerReply) {
	}

	@Transactional(readOnly = true)
	List<Item> list(OneStopUser staff) {
		String department = Staff.department(staff);
		return items(store.ofDepartment(department, LISTED));
	}

	@Transactional(readOnly = true)
	List<Item> ledger(OneStopUser staff) {
		String department = Staff.department(staff);
		return items(store.ofDepartment(department, List.of("LEDGER")));
	}

	/**
	 * The department's follow-up with the citizen's name and phone: a read of personal
	 * data, written to the audit trail (hence not read-only).
	 */
	@Transactional
	Detail detail(OneStopUser staff, UUID id) {
		FollowUp followUp = own(staff, id);
		RatingQueries.Rating rating = ratings.rating(followUp.ratingId())
			.orElseThrow(() -> new NotFoundException("evaluation.follow-up.not-found"));
		Contact citizen = rating.citizen() == null ? null : new Contact(names.nameOf(rating.citizen()).orElse(null),
				contacts.phone(rating.citizen()).orElse(null));
		if (citizen != null) {
			events.publishEvent(new FollowUpAudit(staff.username(), "follow-up.citizen-read", "follow-up:" + id,
					"the citizen's name and phone, to contact them"));
		}
		ServiceTitles.Title service = titles.of(SubjectType.valueOf(rating.subjectType()), rating.subjectId(),
				rating.serviceCode(), rating.hall(), staff);
		FlagView flag = flags.ofRating(rating.id())
			.stream()
			.findFirst()
			.map(f -> new FlagView(f.id(), f.reason(), f.decision(), f.decisionNote(), f.flaggedAt()))
			.orElse(null);
		return new Detail(item(followUp, rating, clock.instant()), rating.reasons(), rating.comment(), rating.channel(),
				rating.hall(), rating.createdAt(),
				ratings.causes(rating.id()).stream().map(c -> new CauseView(c.kind(), c.key(), c.detail())).toList(),
				store.events(id).stream().map(e -> new Step(e.at(), e.kind(), e.actor())).toList(),
				followUp.contactedAt(), followUp.contactNote(), followUp.repliedAt(), followUp.reply(),
				followUp.rectified(), followUp.noLegalBasis(), followUp.citizenVerdict(), flag, citizen, service);
	}

	/**
	 * Verified: the citizen was contacted, with a note of what was said.
	 * @param version the version read ({@code If-Match}), or null for the current one
	 */
	@Transactional
	Detail contact(OneStopUser staff, UUID id, String note, Integer version) {
		FollowUp followUp = own(staff, id);
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("note", "evaluation.follow-up.note.required");
		}
		if (text.length() > NOTE_MAX) {
			throw new InvalidInputException("note", "evaluation.follow-up.note.too-long", NOTE_MAX);
		}
		if (!"OPEN".equals(followUp.status())) {
			throw new ConflictException("evaluation.follow-up.contact.not-open");
		}
		Instant now = clock.instant();
		if (!store.contact(id, version == null ? followUp.version() : version, now, staff.username(), text)) {
			throw new ConflictException("evaluation.follow-up.changed");
		}
		store.event(id, now, "CONTACTED", staff.username(), Map.of());
		events.publishEvent(new FollowUpAudit(staff.username(), "follow-up.contacted", "follow-up:" + id,
				"rating " + followUp.ratingId()));
		return detail(staff, id);
	}

	/**
	 * The department's reply. Put right ({@code rectified}); not yet, with the date it
	 * will be (on the ledger, which the citizen sees); or no legal basis for what was
	 * asked, explained. A follow-up on the ledger is answered again once the fix is done.
	 */
	@Transactional
	Detail reply(OneStopUser staff, UUID id, String text, Boolean rectified, LocalDate promisedDate,
			Boolean noLegalBasis, Integer version) {
		FollowUp followUp = own(staff, id);
		boolean noBasis = Boolean.TRUE.equals(noLegalBasis);
		String reply = text == null ? "" : text.strip();
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		List<FieldProblem> problems = new ArrayList<>();
		if (reply.isEmpty()) {
			problems.add(new FieldProblem("text", "evaluation.follow-up.reply.text.required"));
		}
		else if (reply.length() > TEXT_MAX) {
			problems.add(new FieldProblem("text", "evaluation.follow-up.reply.text.too-long", TEXT_MAX));
		}
		else if (noBasis && reply.length() < EXPLANATION_MIN) {
			problems.add(new FieldProblem("text", "evaluation.follow-up.reply.text.explain", EXPLANATION_MIN));
		}
		if (noBasis) {
			if (Boolean.TRUE.equals(rectified)) {
				problems.add(new FieldProblem("rectified", "evaluation.follow-up.reply.rectified.no-basis"));
			}
			if (promisedDate != null) {
				problems.add(new FieldProblem("promisedDate", "evaluation.follow-up.reply.promised.not-with"));
			}
		}
		else if (rectified == null) {
			problems.add(new FieldProblem("rectified", "evaluation.follow-up.reply.rectified.required"));
		}
		else if (rectified && promisedDate != null) {
			problems.add(new FieldProblem("promisedDate", "evaluation.follow-up.reply.promised.not-with"));
		}
		else if (!rectified) {
			if (promisedDate == null) {
				problems.add(new FieldProblem("promisedDate", "evaluation.follow-up.reply.promised.required"));
			}
			else if (!promisedDate.isAfter(today) || promisedDate.isAfter(today.plusYears(1))) {
				problems.add(new FieldProblem("promisedDate", "evaluation.follow-up.reply.promised.range"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean onLedger = !noBasis && !rectified;
		switch (followUp.status()) {
			case "OPEN" -> throw new ConflictException("evaluation.follow-up.reply.contact-first");
			case "CONTACTED" -> {
				// the first reply
			}
			case "LEDGER" -> {
				if (onLedger) {
					throw new ConflictException("evaluation.follow-up.reply.already-on-ledger");
				}
			}
			default -> throw new ConflictException("evaluation.follow-up.reply.already");
		}
		Instant now = clock.instant();
		String status = onLedger ? "LEDGER" : "REPLIED";
		if (!store.reply(id, version == null ? followUp.version() : version, status, now, staff.username(), reply,
				!onLedger && !noBasis, noBasis, onLedger ? promisedDate : null)) {
			throw new ConflictException("evaluation.follow-up.changed");
		}
		store.event(id, now, onLedger ? "ON_LEDGER" : noBasis ? "REPLIED_NO_LEGAL_BASIS" : "REPLIED", staff.username(),
				onLedger ? Map.of("promisedDate", promisedDate.toString()) : Map.of());
		ratings.rating(followUp.ratingId())
			.map(RatingQueries.Rating::citizen)
			.ifPresent(citizen -> notices.replied(citizen, followUp.ratingId()));
		events.publishEvent(new FollowUpAudit(staff.username(), "follow-up.replied", "follow-up:" + id,
				status + (noBasis ? " no-legal-basis" : "") + (onLedger ? " promised " + promisedDate : "")));
		return detail(staff, id);
	}

	/** The citizen's view of their rating's follow-up; someone else's answers 404. */
	@Transactional(readOnly = true)
	CitizenView forCitizen(OneStopUser citizen, UUID ratingId) {
		RatingQueries.Rating rating = mine(citizen, ratingId);
		FollowUp f = store.byRating(ratingId)
			.filter(found -> !"WITHDRAWN".equals(found.status()))
			.orElseThrow(() -> new NotFoundException("evaluation.follow-up.not-found"));
		return new CitizenView(ratingId, rating.level(), rating.serviceCode(), f.status(), f.openedAt(), f.replyDue(),
				f.repliedAt(), f.reply(), f.rectified(), f.noLegalBasis(), f.promisedDate(), f.citizenVerdict(),
				f.answered() && f.citizenVerdict() == null && !"CLOSED".equals(f.status()), f.ledgerReply());
	}

	/** Was it put right? Once, after the reply. */
	@Transactional
	CitizenView verdict(OneStopUser citizen, UUID ratingId, String verdict) {
		mine(citizen, ratingId);
		if (verdict == null || !List.of("PUT_RIGHT", "NOT_PUT_RIGHT").contains(verdict)) {
			throw new InvalidInputException("verdict", "evaluation.follow-up.verdict.required");
		}
		FollowUp f = store.byRating(ratingId)
			.filter(found -> !"WITHDRAWN".equals(found.status()))
			.orElseThrow(() -> new NotFoundException("evaluation.follow-up.not-found"));
		if (f.citizenVerdict() != null) {
			throw new ConflictException("evaluation.follow-up.verdict.already");
		}
		if (!f.answered()) {
			throw new ConflictException("evaluation.follow-up.verdict.not-yet");
		}
		Instant now = clock.instant();
		if (!store.verdict(f.id(), verdict, now)) {
			throw new ConflictException("evaluation.follow-up.verdict.already");
		}
		store.event(f.id(), now, "VERDICT_" + verdict, citizen.username(), Map.of());
		events.publishEvent(new FollowUpAudit(citizen.username(), "follow-up.verdict", "follow-up:" + f.id(), verdict));
		return forCitizen(citizen, ratingId);
	}

	/** The department's follow-up; another department's is not found. */
	private FollowUp own(OneStopUser staff, UUID id) {
		String department = Staff.department(staff);
		return store.byId(id)
			.filter(f -> f.department().equals(department) && !"WITHDRAWN".equals(f.status()))
			.orElseThrow(() -> new NotFoundException("evaluation.follow-up.not-found"));
	}

	private RatingQueries.Rating mine(OneStopUser citizen, UUID ratingId) {
		return ratings.rating(ratingId)
			.filter(r -> citizen != null && !citizen.staff() && r.citizen() != null
					&& r.citizen().equals(citizen.username()))
			.orElseThrow(() -> new NotFoundException("evaluation.follow-up.not-found"));
	}

	private List<Item> items(List<FollowUp> followUps) {
		Instant now = clock.instant();
		List<Item> items = new ArrayList<>();
		for (FollowUp f : followUps) {
			ratings.rating(f.ratingId()).ifPresent(r -> items.add(item(f, r, now)));
		}
		return items;
	}

	private static Item item(FollowUp f, RatingQueries.Rating r, Instant now) {
		boolean contactLate = f.contactedAt() == null ? !now.isBefore(f.contactDue())
				: f.contactedAt().isAfter(f.contactDue());
		return new Item(f.id(), f.ratingId(), f.status(), r.level(), r.subjectType(), r.serviceCode(), f.openedAt(),
				f.contactDue(), f.replyDue(), FollowUpClock.State.of(f.status(), f.warnAt(), f.replyDue(), now),
				contactLate, f.promisedDate(), f.version());
	}

}
