package org.onestop.assistant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * What the assistant recorded about one conversation, for the evaluation module to trace
 * a rating to its cause (issue 17): whether it was passed to a person and how long that
 * took, and the matters it was about. Read-only.
 */
@Service
public class ConversationTraces {

	private final ConversationTraceQueries queries;

	ConversationTraces(ConversationTraceQueries queries) {
		this.queries = queries;
	}

	/**
	 * @param passedToPerson a person (an agent) took it over
	 * @param secondsToPerson from asking for a person to being connected; null when never
	 * connected
	 * @param abandonments how often the citizen gave up waiting for a person
	 * @param matters the codes of the matters suggested in it, in the order suggested
	 */
	public record ConversationTrace(UUID id, boolean passedToPerson, Long secondsToPerson, int abandonments,
			List<String> matters) {

		public ConversationTrace {
			matters = List.copyOf(matters);
		}

	}

	public Optional<ConversationTrace> trace(UUID conversation) {
		return queries.conversation(conversation)
			.map(c -> new ConversationTrace(c.id(), c.passedToPerson(), c.secondsToPerson(), c.abandonments(),
					queries.matters(conversation)));
	}

}
