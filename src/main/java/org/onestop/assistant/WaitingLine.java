package org.onestop.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A pool's queue of conversations waiting for an agent: positions by original enqueue
 * time, the estimated wait, the agents on duty, and departures. A citizen who stops
 * polling and listening has left; nobody watches the clock for that: whoever next reads
 * the queue marks them, in one conditional UPDATE that any node may run.
 */
@Component
class WaitingLine {

	private final WaitingLineStore store;

	private final AssistantProperties properties;

	private final Clock clock;

	WaitingLine(WaitingLineStore store, AssistantProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The agent goes on or off duty in their pool; being at the desk counts as being
	 * seen.
	 */
	void onDuty(String agent, String pool, boolean onDuty) {
		store.duty(agent, pool, onDuty, clock.instant());
	}

	/** The pool's waiting conversations, longest wait first. */
	List<AgentDesk.QueueEntry> waiting(String pool, Instant now) {
		return store.waiting(pool, now);
	}

	int agentsOnDuty(String pool) {
		return store.agentsOnDuty(pool, clock.instant().minus(properties.agentAwayAfter()));
	}

	/**
	 * The agent is at the desk: called by every desk action and, while their live queue
	 * is open, by its node.
	 */
	void seen(Collection<String> agents) {
		if (agents.isEmpty()) {
			return;
		}
		store.seen(agents, clock.instant(), ConversationFeed.PRESENCE);
	}

	/**
	 * Marks queued conversations whose owner has been gone longer than the setting as
	 * abandoned.
	 */
	int markAbandoned(String pool, Instant now) {
		int marked = store.markAbandoned(pool, now, now.minus(properties.abandonAfter()));
		if (marked > 0) {
			bump(pool);
		}
		return marked;
	}

	/**
	 * 1 for the next to be served; ties in enqueue time are broken by id, so every node
	 * counts alike.
	 */
	int position(Conversation c) {
		return 1 + store.ahead(c);
	}

	/**
	 * Minutes until an agent is free for this position: none while enough agents are
	 * idle, otherwise the recent average handling time (or the setting, before there is
	 * history) spread over the agents on duty.
	 */
	int estimateMinutes(String pool, int position) {
		int onDuty = agentsOnDuty(pool);
		int busy = store.busyAgents(pool, clock.instant().minus(properties.agentAwayAfter()));
		int free = Math.max(0, onDuty - busy);
		if (position <= free) {
			return 0;
		}
		Double measured = store.recentMinutesPerConversation(pool);
		double minutes = measured == null ? properties.minutesPerConversation() : Math.max(1, measured);
		return (int) Math.ceil((position - free) * minutes / Math.max(1, onDuty));
	}

	/**
	 * Raised by every change to who is waiting, so that every listener's position is
	 * pushed again.
	 */
	void bump(String pool) {
		store.bump(pool);
	}

	Map<String, Long> versions() {
		return store.versions();
	}

}
