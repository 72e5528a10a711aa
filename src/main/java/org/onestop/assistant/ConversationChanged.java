package org.onestop.assistant;

import org.onestop.shared.AuditableEvent;

/**
 * Something happened in the assistant (a conversation started, a message, a handoff, an
 * agent's action, a callback): audited in the same transaction. The summary never carries
 * what the citizen wrote.
 *
 * @param subject such as {@code conversation:…}, {@code callback:…} or {@code agent:…}
 */
public record ConversationChanged(String actor, String subject, String kind) implements AuditableEvent {

	@Override
	public String action() {
		return "assistant." + kind.toLowerCase().replace('_', '-');
	}

	@Override
	public String summary() {
		return kind;
	}
}
