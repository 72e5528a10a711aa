package org.onestop.assistant;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The handoff's transitions: joining the queue (or, with nobody on duty, being offered a
 * callback), offering a person, and what a return after leaving the queue means. Callers
 * hold the conversation's row lock.
 */
@Component
class Handoffs {

	/** What asking for a person led to. */
	enum Joined {

		QUEUED, LONG_WAIT, NOBODY_ON_DUTY, ALREADY

	}

	private final ConversationStore store;

	private final WaitingLine line;

	private final AssistantProperties properties;

	Handoffs(ConversationStore store, WaitingLine line, AssistantProperties properties) {
		this.store = store;
		this.line = line;
		this.properties = properties;
	}

	/**
	 * The citizen asked for a person (typed it, accepted an offer, or pressed the
	 * button): they join the queue with this very message. With nobody on duty there is
	 * nobody to wait for, so a callback is offered instead.
	 */
	Joined requestPerson(Conversation c, Instant now) {
		if (c.handoff() == Handoff.QUEUED || c.handoff() == Handoff.CONNECTED) {
			return Joined.ALREADY;
		}
		// A new request starts a new measurement, except when it follows a callback offer
		// of this same request.
		store.personRequested(c.id(), c.handoff() == Handoff.CALLBACK_OFFERED, now);
		if (line.agentsOnDuty(c.pool()) == 0) {
			store.handoff(c.id(), Handoff.CALLBACK_OFFERED);
			return Joined.NOBODY_ON_DUTY;
		}
		store.queue(c.id(), now);
		line.bump(c.pool());
		Conversation queued = store.find(c.id()).orElseThrow();
		int wait = line.estimateMinutes(c.pool(), line.position(queued));
		return wait > properties.callbackThreshold().toMinutes() ? Joined.LONG_WAIT : Joined.QUEUED;
	}

	/**
	 * A queued citizen may leave a callback instead: nobody is on duty, or the wait is
	 * over the threshold.
	 */
	boolean callbackWorthwhile(Conversation c) {
		return callbackWorthwhile(c, view(c));
	}

	/**
	 * As above, from the view the caller already has (its estimate needs three queries).
	 */
	boolean callbackWorthwhile(Conversation c, HandoffView view) {
		if (view.estimatedWaitMinutes() == null) {
			return false;
		}
		return line.agentsOnDuty(c.pool()) == 0
				|| view.estimatedWaitMinutes() > properties.callbackThreshold().toMinutes();
	}

	void offer(Conversation c) {
		if (c.handoff() == Handoff.NONE || c.handoff() == Handoff.ENDED) {
			store.handoff(c.id(), Handoff.OFFERED);
		}
	}

	void decline(Conversation c) {
		store.handoff(c.id(), Handoff.NONE);
	}

	/** What a return means for a queued citizen. */
	enum Return {

		STAYED, KEPT_PLACE, LOST_PLACE

	}

	/**
	 * The owner polled or listened. A queued citizen who was gone longer than the
	 * abandonment setting left the queue (counted once, whether or not someone marked it
	 * yet); back within the setting's grace they keep their original place, by original
	 * enqueue time; later, a person is offered again.
	 */
	Return seen(Conversation c, Instant now) {
		Duration gone = Duration.between(c.lastSeenAt(), now);
		if (c.handoff() != Handoff.QUEUED
				|| (c.abandonedAt() == null && gone.compareTo(properties.abandonAfter()) <= 0)) {
			if (gone.toSeconds() >= 10) {
				store.seen(c.id(), now);
			}
			return Return.STAYED;
		}
		Return result;
		if (gone.compareTo(properties.keepPlaceFor()) <= 0) {
			store.keepPlace(c.id(), now);
			result = Return.KEPT_PLACE;
		}
		else {
			store.losePlace(c.id(), now);
			result = Return.LOST_PLACE;
		}
		line.bump(c.pool());
		return result;
	}

	HandoffView view(UUID id) {
		return view(store.find(id).orElseThrow());
	}

	HandoffView view(Conversation c) {
		if (!c.waiting()) {
			return new HandoffView(c.handoff(), null, null);
		}
		int position = line.position(c);
		return new HandoffView(c.handoff(), position, line.estimateMinutes(c.pool(), position));
	}

}
