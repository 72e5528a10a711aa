package org.onestop.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.UnprocessableException;
import org.onestop.shared.LocalizedText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 好差评: a citizen rates a finished service they were invited to rate, once, and may change
 * the rating within 7 days. Someone else's service, or one never invited, answers "not
 * found", so that nobody learns what services others had.
 */
@Service
public class Ratings {

	private final RatingStore store;

	private final RatingRules rules;

	private final ObjectProvider<CauseTracer> tracers;

	private final ServiceNames names;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectMapper json;

	Ratings(RatingStore store, RatingRules rules, ObjectProvider<CauseTracer> tracers, ServiceNames names,
			ApplicationEventPublisher events, Clock clock, ObjectMapper json) {
		this.store = store;
		this.json = json;
		this.names = names;
		this.rules = rules;
		this.tracers = tracers;
		this.events = events;
		this.clock = clock;
	}

	/** What a citizen says of a service. */
	public record Verdict(Integer level, List<String> reasons, String comment) {

		public Verdict {
			reasons = reasons == null ? List.of() : reasons.stream().distinct().toList();
		}

	}

	/** A citizen's pending invitations and their ratings, the latest first. */
	public record Mine(List<Invitation> pending, List<Rating> ratings) {
	}

	/** What the service is called: its matter's name, or the kind of service. */
	public LocalizedText serviceName(SubjectType type, String serviceCode) {
		return names.of(type, serviceCode);
	}

	/** The reasons one may tick, in the list's order. */
	public List<RatingReason> reasons() {
		return rules.reasons();
	}

	/**
	 * The citizen's invitation to rate a subject ({@code APPLICATION:<id>}); not found
	 * when it is not theirs, unknown, or malformed.
	 */
	public Invitation invitation(OneStopUser citizen, String subject) {
		return invitationFor(citizen, SubjectRef.parse(subject));
	}

	/**
	 * Rates a finished service once. A second rating of the same subject is a conflict;
	 * the unique index decides, so two at once cannot both pass. The citizen's own first
	 * rating takes the place of one a clerk's pad gave for them (see
	 * {@link RatingStore#add}).
	 */
	@Transactional
	public Rating rate(OneStopUser citizen, SubjectType type, String subjectId, Verdict verdict, GivenThrough through) {
		Invitation invitation = invitationFor(citizen, new SubjectRef(type, subjectId));
		// Someone acting for the citizen rates for them, but it is not the citizen's own
		// word: counted, never followed up.
		return add(invitation, invitation.citizen(), !citizen.represented(), verdict, through, citizen.actor());
	}

	/**
	 * Adds the rating and its causes, and tells of it, in one transaction: the follow-up
	 * another part opens from {@link RatingGiven} commits with it.
	 */
	Rating add(Invitation invitation, String citizen, boolean verified, Verdict verdict, GivenThrough through,
			String actor) {
		Checked checked = rules.check(verdict);
		Instant now = clock.instant();
		Rating given = new Rating(UUID.randomUUID(), invitation.subjectType(), invitation.subjectId(), citizen,
				invitation.department(), invitation.serviceCode(), invitation.hall(), invitation.channel(),
				checked.level(), checked.reasons(), checked.comment(), verified, through, now, now, 0, false, false);
		Rating rating = store.add(given).orElseThrow(() -> new ConflictException("evaluation.rating.already-rated"));
		store.reasonCauses(rating.id(), rating.reasons());
		RatedService service = invitation.service();
		tracers.orderedStream()
			.filter(t -> t.traces(service.subjectType()))
			.flatMap(t -> t.trace(service).stream())
			.forEach(c -> store.cause(rating.id(), c.kind(), c.key(), json(c)));
		events.publishEvent(new RatingGiven(actor, rating.id(), rating.subjectType(), rating.subjectId(),
				rating.department(), rating.level(), rating.verified(), false));
		// Read again: the follow-up the event opened is part of what the rating answers.
		return store.find(rating.id()).orElseThrow();
	}

	/**
	 * Changes the citizen's rating within 7 days of the first; with a version, only if
	 * nobody changed it since.
	 */
	@Transactional
	public Rating change(OneStopUser citizen, UUID id, Integer version, Verdict verdict) {
		Rating before = own(citizen, id);
		Checked checked = rules.check(verdict);
		Instant now = clock.instant();
		if (before.excluded()) {
			// A supervisor's exclusion is final: a changed level would reopen the
			// follow-up the exclusion ended.
			throw new ConflictException("evaluation.rating.excluded");
		}
		if (!before.changeable(now)) {
			throw new UnprocessableException("evaluation.rating.change-window-over");
		}
		Rating after = store
			.change(id, citizen.username(), !citizen.represented(), version, checked.level(), checked.reasons(),
					checked.comment(), now.minus(Rating.CHANGE_WINDOW), now)
			.orElseThrow(() -> {
				// The window closed or another change came in between the read and the
				// update.
				Rating current = store.find(id).orElseThrow();
				if (current.excluded()) {
					return new ConflictException("evaluation.rating.excluded");
				}
				return current.changeable(now) ? new ConflictException("evaluation.rating.changed-meanwhile")
						: new UnprocessableException("evaluation.rating.change-window-over");
			});
		store.reasonCauses(id, after.reasons());
		events.publishEvent(new RatingGiven(citizen.actor(), id, after.subjectType(), after.subjectId(),
				after.department(), after.level(), after.verified(), true));
		// Read again: whether it is still followed up is what the event's listener made
		// of
		// it.
		return store.find(id).orElseThrow();
	}

	/** One of the citizen's own ratings; anyone else's is not found. */
	public Rating own(OneStopUser citizen, UUID id) {
		return store.find(id)
			.filter(r -> r.citizen() != null && r.citizen().equals(citizen.username()))
			.orElseThrow(() -> new NotFoundException("evaluation.rating.not-found"));
	}

	/** The citizen's rating of that subject, if they gave one. */
	public Optional<Rating> ofSubject(OneStopUser citizen, String subject) {
		SubjectRef ref = SubjectRef.parse(subject);
		return store.find(ref.type(), ref.id()).filter(r -> citizen.username().equals(r.citizen()));
	}

	/** The citizen's invitations not yet rated and their ratings, the latest first. */
	public Mine mine(OneStopUser citizen) {
		return new Mine(store.pending(citizen.username(), 50), store.byCitizen(citizen.username(), 100));
	}

	/**
	 * Now, as the application's clock says: pages tell whether a rating may still change.
	 */
	public java.time.Instant now() {
		return clock.instant();
	}

	/** The causes a rating carries, as {@code KIND:key}. */
	List<String> causes(UUID rating) {
		return store.causeKeys(rating);
	}

	private String json(Cause c) {
		try {
			return json.writeValueAsString(c.detail());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A cause's detail is not JSON: " + c.kind() + ":" + c.key(), ex);
		}
	}

	private Invitation invitationFor(OneStopUser citizen, SubjectRef ref) {
		return store.invitation(ref.type(), ref.id())
			.filter(i -> citizen != null && !citizen.staff() && i.citizen() != null
					&& i.citizen().equals(citizen.username()))
			.orElseThrow(() -> new NotFoundException("evaluation.rating.not-found"));
	}

}
