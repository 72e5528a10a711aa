package org.onestop.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hotline's calls, as far as an application prepared from one needs them: which call
 * it came from, and that the agent preparing it took that call. The assistant module,
 * which logs calls, implements it.
 */
public interface HotlineCalls {

	/** The call or conversation, if this agent took it. */
	Optional<Call> takenBy(String agent, UUID callId);

	/** The calls and conversations this agent took in the last day, newest first. */
	List<Call> recent(String agent);

	/** A call as the citizen is told of it: when, and what it was about. */
	record Call(UUID id, String topic, Instant at) {
	}

}
