package org.onestop.assistant;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Component;

/**
 * Ended conversations as a rating of the service sees them (issue 17): whose, which pool
 * answered, through which channel. What was said never leaves the module.
 */
@Component
public class EndedConversations {

	private final EndedConversationQueries queries;

	EndedConversations(EndedConversationQueries queries) {
		this.queries = queries;
	}

	/**
	 * An ended conversation.
	 *
	 * @param citizen the signed-in citizen's username; null for an anonymous visitor or
	 * an unknown caller
	 * @param department the agents' pool (the hotline department) that answers
	 */
	public record EndedConversation(UUID id, String citizen, String department, ContactChannel channel,
			Instant endedAt) {
	}

	/**
	 * The conversation if it has ended (by an agent, a logged call, or the citizen's
	 * rating).
	 */
	public Optional<EndedConversation> ended(UUID conversation) {
		return queries.ended(conversation);
	}

}
