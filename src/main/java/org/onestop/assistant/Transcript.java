package org.onestop.assistant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation as its owner sees it: every line so far, the matters discussed and the
 * handoff.
 */
record Transcript(UUID id, String channel, Instant startedAt, HandoffView handoff,
		List<ConversationStore.Line> messages, List<MatterSuggestion> matters, Boolean helpful) {
}
