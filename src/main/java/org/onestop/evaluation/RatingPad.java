package org.onestop.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.onestop.queue.ServedTickets;
import org.onestop.queue.ServedTickets.ServedTicket;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hall's rating pad (评价器) on a counter's second screen: the person just served rates
 * the visit with one touch. The pad shows the clerk's latest ticket completed in the last
 * 15 minutes that nobody rated; the clerk can never rate another clerk's ticket, or one
 * twice.
 * <p>
 * A rating on the pad is never verified: the pad runs in the clerk's session, so nothing
 * proves that the citizen, rather than someone at the counter, pressed the button. It is
 * counted and, when the holder is a known citizen, is theirs (they see it), but it opens
 * no follow-up.
 */
@Service
public class RatingPad {

	/** How long after completing a ticket the pad still offers it. */
	static final Duration OFFERED_FOR = Duration.ofMinutes(15);

	private static final int LOOK_AT = 20;

	private final ServedTickets tickets;

	private final RatingStore store;

	private final Ratings ratings;

	private final Clock clock;

	RatingPad(ServedTickets tickets, RatingStore store, Ratings ratings, Clock clock) {
		this.tickets = tickets;
		this.store = store;
		this.ratings = ratings;
		this.clock = clock;
	}

	/**
	 * The visit on offer: the ticket's number and the subject the rating goes to.
	 *
	 * @param anonymous the holder is nobody known: the rating is counted, never followed
	 * up
	 */
	public record Offered(String number, String subject, Instant completedAt, boolean anonymous) {
	}

	/** The clerk's latest completed, unrated ticket of the last 15 minutes, if any. */
	public Optional<Offered> offered(OneStopUser clerk) {
		return candidates(clerk).stream()
			.findFirst()
			.map(c -> new Offered(c.ticket().number(), c.invitation().subject(), c.ticket().completedAt(),
					c.invitation().citizen() == null));
	}

	/**
	 * Records the rating given on the pad for one of the clerk's recent tickets; any
	 * other subject is not found, a rated one a conflict.
	 */
	@Transactional
	public Rating rate(OneStopUser clerk, String subject, Ratings.Verdict verdict) {
		SubjectRef ref = SubjectRef.parse(subject);
		Invitation invitation = recent(clerk).stream()
			.map(this::invitation)
			.flatMap(Optional::stream)
			.filter(i -> i.subjectType() == ref.type() && i.subjectId().equals(ref.id()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("evaluation.pad.not-found"));
		return ratings.add(invitation, invitation.citizen(), false, verdict, GivenThrough.PAD, clerk.actor());
	}

	private record Candidate(ServedTicket ticket, Invitation invitation) {
	}

	private List<Candidate> candidates(OneStopUser clerk) {
		return recent(clerk).stream()
			.map(t -> invitation(t).map(i -> new Candidate(t, i)))
			.flatMap(Optional::stream)
			.filter(c -> !store.rated(c.invitation().subjectType(), c.invitation().subjectId()))
			.toList();
	}

	private List<ServedTicket> recent(OneStopUser clerk) {
		Instant now = clock.instant();
		return tickets.servedBy(clerk.username(), now.minus(OFFERED_FOR), LOOK_AT);
	}

	/** The invitation the ticket's completion wrote, once its listener has run. */
	private Optional<Invitation> invitation(ServedTicket t) {
		return t.appointment() != null ? store.invitation(SubjectType.APPOINTMENT, t.appointment().toString())
				: store.invitation(SubjectType.TICKET, t.id().toString());
	}

}
