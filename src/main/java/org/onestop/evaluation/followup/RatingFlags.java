package org.onestop.evaluation.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Malicious ratings: the department that delivered the service flags one of its ratings
 * with a reason; only a supervisor of the government services administration decides
 * whether it is excluded from the figures. A department can never exclude a rating
 * itself. Every exclusion is listed publicly (month, department, matter, the supervisor's
 * note), with counts per department.
 */
@Service
class RatingFlags {

	static final int TEXT_MAX = 2000;

	/**
	 * A phone number or an ID number in a note: seven digits or more, spaces and hyphens
	 * between them allowed, or an ID number ending in X.
	 */
	private static final Pattern NUMBER = Pattern.compile("\\d(?:[ -]?\\d){6,}|\\d{17}[Xx]");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

	private final FlagStore flags;

	private final RatingQueries ratings;

	private final FollowUpStore followUps;

	private final FollowUpNotices notices;

	private final ApplicationEventPublisher events;

	private final PlatformProperties platform;

	private final Clock clock;

	RatingFlags(FlagStore flags, RatingQueries ratings, FollowUpStore followUps, FollowUpNotices notices,
			ApplicationEventPublisher events, PlatformProperties platform, Clock clock) {
		this.flags = flags;
		this.ratings = ratings;
		this.followUps = followUps;
		this.notices = notices;
		this.events = events;
		this.platform = platform;
		this.clock = clock;
	}

	/** A flag as the API shows it. */
	record FlagView(UUID id, UUID ratingId, String department, String reason, Instant flaggedAt, String decision,
			Instant decidedAt, String decisionNote, int level, String comment, String serviceCode) {

		static FlagView of(FlagStore.Flag f) {
			return new FlagView(f.id(), f.ratingId(), f.department(), f.reason(), f.flaggedAt(), f.decision(),
					f.decidedAt(), f.decisionNote(), f.level(), f.comment(), f.serviceCode());
		}

	}

	/** The public list: no person, no rating's words. */
	record Exclusions(List<Exclusion> exclusions, List<FlagStore.DepartmentCount> byDepartment) {
	}

	/**
	 * Exclusions of one month (by when the rating was given) and department, and of one
	 * matter when at least 5 of them are; null otherwise, so that a lone exclusion does
	 * not point at the person who rated.
	 */
	record Exclusion(YearMonth month, String department, String serviceCode, int count, List<String> notes) {
	}

	/** A department flags one of its ratings as malicious. */
	@Transactional
	FlagView flag(OneStopUser staff, UUID ratingId, String reason) {
		String department = Staff.department(staff);
		RatingQueries.Rating rating = ratings.rating(ratingId)
			.filter(r -> r.department().equals(department))
			.orElseThrow(() -> new NotFoundException("evaluation.flag.rating.not-found"));
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("reason", "evaluation.flag.reason.required");
		}
		if (text.length() > TEXT_MAX) {
			throw new InvalidInputException("reason", "evaluation.flag.reason.too-long", TEXT_MAX);
		}
		if (rating.excluded()) {
			throw new ConflictException("evaluation.flag.already-excluded");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		if (!flags.flag(id, ratingId, department, staff.username(), text, now)) {
			throw new ConflictException("evaluation.flag.already-open");
		}
		followUps.byRating(ratingId)
			.ifPresent(f -> followUps.event(f.id(), now, "FLAGGED", staff.username(), Map.of()));
		events.publishEvent(new FollowUpAudit(staff.username(), "rating.flagged", "rating:" + ratingId, "flag " + id));
		return FlagView.of(flags.byId(id).orElseThrow());
	}

	/** The supervisor's queue: undecided first. */
	@Transactional(readOnly = true)
	List<FlagView> all(OneStopUser supervisor) {
		Staff.servicesSupervisor(supervisor);
		return flags.all().stream().map(FlagView::of).toList();
	}

	/**
	 * The supervisor's decision: exclude the rating from the figures (its follow-up, if
	 * still waiting, is withdrawn) or keep it.
	 */
	@Transactional
	FlagView decide(OneStopUser supervisor, UUID flagId, Boolean exclude, String note) {
		Staff.servicesSupervisor(supervisor);
		String text = note == null ? "" : note.strip();
		if (exclude == null) {
			throw new InvalidInputException("exclude", "evaluation.flag.exclude.required");
		}
		if (text.isEmpty()) {
			throw new InvalidInputException("note", "evaluation.flag.note.required");
		}
		if (text.length() > TEXT_MAX) {
			throw new InvalidInputException("note", "evaluation.flag.note.too-long", TEXT_MAX);
		}
		if (NUMBER.matcher(text).find() || EMAIL.matcher(text).find()) {
			// The note is published verbatim on the exclusions page.
			throw new InvalidInputException("note", "evaluation.flag.note.personal");
		}
		FlagStore.Flag flag = flags.byId(flagId).orElseThrow(() -> new NotFoundException("evaluation.flag.not-found"));
		Instant now = clock.instant();
		UUID ratingId = flags.decide(flagId, exclude ? "EXCLUDED" : "KEPT", supervisor.username(), text, now)
			.orElseThrow(() -> new ConflictException("evaluation.flag.already-decided"));
		if (exclude) {
			flags.exclude(ratingId);
			followUps.withdraw(ratingId, List.of("OPEN", "CONTACTED"), now)
				.ifPresent(id -> followUps.event(id, now, "EXCLUDED", supervisor.username(), Map.of()));
		}
		notices.flagDecided(flag.flaggedBy());
		events.publishEvent(new FollowUpAudit(supervisor.username(), exclude ? "rating.excluded" : "rating.kept",
				"rating:" + ratingId, "flag " + flagId));
		return FlagView.of(flags.byId(flagId).orElseThrow());
	}

	/** Public: every exclusion and the counts per department. */
	@Transactional(readOnly = true)
	Exclusions exclusions() {
		return new Exclusions(flags.exclusions(platform.timeZone())
			.stream()
			.map(e -> new Exclusion(e.month(), e.department(), e.serviceCode(), e.count(), e.notes()))
			.toList(), flags.countsByDepartment());
	}

}
