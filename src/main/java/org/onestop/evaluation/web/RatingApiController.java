package org.onestop.evaluation.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onestop.evaluation.Invitation;
import org.onestop.evaluation.Rating;
import org.onestop.evaluation.Ratings;
import org.onestop.evaluation.Ratings.Verdict;
import org.onestop.evaluation.GivenThrough;
import org.onestop.evaluation.SubjectType;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 好差评 for citizens' clients: rate a finished service once, change the rating within 7
 * days, read one's own ratings and pending invitations, and the list of reasons.
 * {@link Ratings} decides whose service is whose: another citizen's answers 404.
 */
@RestController
class RatingApiController {

	private final Ratings ratings;

	private final Messages messages;

	RatingApiController(Ratings ratings, Messages messages) {
		this.ratings = ratings;
		this.messages = messages;
	}

	/**
	 * A rating as given or changed.
	 *
	 * @param level 1 (非常不满意) to 5 (非常满意)
	 */
	record RateRequest(String subjectType, String subjectId, Integer level, List<String> reasons, String comment) {
	}

	/** A change; with {@code version}, refused (409) if the rating changed since. */
	record ChangeRequest(Integer level, List<String> reasons, String comment, Integer version) {
	}

	/**
	 * A rating as its citizen sees it.
	 *
	 * @param followedUp a verified 不满意 or worse: the department contacts the citizen
	 */
	record RatingBody(UUID id, String subjectType, String subjectId, int level, String levelName, List<String> reasons,
			String comment, boolean verified, boolean followedUp, String givenThrough, Instant createdAt,
			Instant changedAt, Instant changeableUntil, int version) {
	}

	record PendingBody(String subjectType, String subjectId, String service, Instant finishedAt, String rateAt) {
	}

	record MineBody(List<PendingBody> pending, List<RatingBody> ratings) {
	}

	/**
	 * A reason one may tick, named in the caller's language; praise ones go with levels
	 * 4-5.
	 */
	record ReasonBody(String code, String name, boolean praise) {
	}

	@PostMapping("/api/v1/ratings")
	@ApiResponse(responseCode = "201", description = "Rated; Location names the rating")
	@ApiResponse(responseCode = "400",
			description = "Unknown subject type, level out of 1-5, a reason that is unknown "
					+ "or does not fit the level, or a comment too long",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No finished service of the caller's by that subject",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "The service was already rated: change it with PUT",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<RatingBody> rate(@AuthenticationPrincipal OneStopUser citizen, @RequestBody RateRequest request,
			Locale locale) {
		SubjectType type = type(request.subjectType());
		if (request.subjectId() == null || request.subjectId().isBlank()) {
			throw new InvalidInputException("subjectId", "evaluation.rating.subject-id");
		}
		Rating rating = ratings.rate(citizen, type, request.subjectId(),
				new Verdict(request.level(), request.reasons(), request.comment()), GivenThrough.API);
		return ResponseEntity.created(URI.create("/api/v1/ratings/" + rating.id())).body(body(rating, locale));
	}

	@PutMapping("/api/v1/ratings/{id}")
	@ApiResponse(responseCode = "200", description = "Changed")
	@ApiResponse(responseCode = "400", description = "A level, reason or comment that is not allowed",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Not the caller's rating",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409",
			description = "Changed since the version given (If-Match or version), or excluded by the services "
					+ "administration, which is final",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "The 7 days to change it are over",
			content = @Content(mediaType = "application/problem+json"))
	RatingBody change(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, @Parameter(
			description = "The version read (a number, quoted or not); refused with 409 if it changed since") @RequestHeader(
					name = "If-Match", required = false) String ifMatch,
			@RequestBody ChangeRequest request, Locale locale) {
		Integer version = request.version() != null ? request.version() : version(ifMatch);
		return body(ratings.change(citizen, id, version,
				new Verdict(request.level(), request.reasons(), request.comment())), locale);
	}

	/** The version in {@code If-Match}, as {@code "3"}, {@code W/"3"} or {@code 3}. */
	private static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Integer.valueOf(digits);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "evaluation.rating.version.invalid");
		}
	}

	@GetMapping("/api/v1/ratings/{id}")
	RatingBody view(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, Locale locale) {
		return body(ratings.own(citizen, id), locale);
	}

	@GetMapping("/api/v1/me/ratings")
	MineBody mine(@AuthenticationPrincipal OneStopUser citizen, Locale locale) {
		Ratings.Mine mine = ratings.mine(citizen);
		return new MineBody(mine.pending().stream().map(i -> pending(i, locale)).toList(),
				mine.ratings().stream().map(r -> body(r, locale)).toList());
	}

	@GetMapping("/api/v1/rating-reasons")
	List<ReasonBody> reasons(Locale locale) {
		return ratings.reasons()
			.stream()
			.map(r -> new ReasonBody(r.code(), messages.get(locale, r.key()), r.praise()))
			.toList();
	}

	private PendingBody pending(Invitation i, Locale locale) {
		return new PendingBody(i.subjectType().name(), i.subjectId(),
				ratings.serviceName(i.subjectType(), i.serviceCode()).in(locale), i.finishedAt(),
				"/ratings/new?subject=" + i.subject());
	}

	private RatingBody body(Rating r, Locale locale) {
		return new RatingBody(r.id(), r.subjectType().name(), r.subjectId(), r.level(),
				messages.get(locale, RatingPages.levelKey(r.level())), r.reasons(), r.comment(), r.verified(),
				r.followedUp(), r.givenThrough().name(), r.createdAt(), r.changedAt(), r.changeableUntil(),
				r.version());
	}

	private static SubjectType type(String value) {
		for (SubjectType t : SubjectType.values()) {
			if (t.name().equals(value)) {
				return t;
			}
		}
		throw new InvalidInputException("subjectType", "evaluation.rating.subject-type");
	}

}
