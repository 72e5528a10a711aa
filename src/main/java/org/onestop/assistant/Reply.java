package org.onestop.assistant;

import java.util.List;

/**
 * The assistant's answer to one message: text in the asker's language (empty while an
 * agent is connected, who answers live), matters discussed, buttons (always including
 * "talk to a person"), and the handoff.
 */
record Reply(String reply, List<MatterSuggestion> matters, List<Action> actions, HandoffView handoff) {

	Reply {
		matters = List.copyOf(matters);
		actions = List.copyOf(actions);
	}
}
