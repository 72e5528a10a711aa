package org.onestop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.application.HotlineCalls;
import org.springframework.stereotype.Component;

/**
 * The calls and conversations an agent took, for the applications they prepare from them
 * (issue 15): the citizen is told which call it came from.
 */
@Component
class CallsForPreparation implements HotlineCalls {

	private static final Duration RECENT = Duration.ofHours(24);

	private final ConversationStore store;

	private final CallQueries queries;

	private final Clock clock;

	CallsForPreparation(ConversationStore store, CallQueries queries, Clock clock) {
		this.store = store;
		this.queries = queries;
		this.clock = clock;
	}

	@Override
	public Optional<Call> takenBy(String agent, UUID callId) {
		return store.find(callId)
			.filter(c -> agent.equals(c.agent()))
			.map(c -> new Call(c.id(), c.topic(), c.startedAt()));
	}

	@Override
	public List<Call> recent(String agent) {
		return queries.recent(agent, clock.instant().minus(RECENT));
	}

}
