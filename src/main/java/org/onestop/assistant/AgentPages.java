package org.onestop.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the agent console and the assistant dashboard show: the records their templates take (public because compiled
 * templates live in another package).
 */
public final class AgentPages {

	private AgentPages() {
	}

	/** The console: duty, the pool's waiting line, the conversations being served, callbacks to make. */
	public record ConsolePage(boolean onDuty, List<Waiting> waiting, List<Serving> serving, List<CallbackRow> callbacks,
			String done, List<String> outcomes) {
	}

	/** One waiting conversation; {@code citizen} is null for an anonymous visitor. */
	public record Waiting(UUID id, String waited, String topic, String citizen) {
	}

	/** One conversation the agent is serving (read by {@link AgentConsoleQueries}). */
	public record Serving(UUID id, String topic, String citizen, Instant connectedAt) {
	}

	/** One callback not done yet. */
	public record CallbackRow(UUID id, String phone, Instant slot, boolean escalated) {
	}

	/** Who the citizen is, with what they have open, so that they need not repeat themselves. */
	public record CitizenView(String name, List<String> applications, List<String> appointments) {
	}

	/** A canned answer: a matter's summary from the catalog, ready to send; {@code bookable} when it has halls. */
	public record Canned(String code, String name, String text, boolean bookable) {
	}

	/** A conversation as its agent sees it, with the forms of the actions taken on the citizen's behalf. */
	public record ConversationPage(UUID id, String channel, String state, String topic, Instant startedAt,
			Instant queuedAt, boolean mine, List<AssistantPages.LineView> lines, List<Canned> discussed,
			List<Canned> canned, CitizenView citizen, List<AssistantPages.Slot> slots, List<String> outcomes,
			String text, String slot, String phone, Map<String, String> errors) {

		public long after() {
			return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).id();
		}

		public boolean connected() {
			return "CONNECTED".equals(state);
		}
	}

	/** What a live update or an in-place reply adds to the agent's transcript. */
	public record Updates(List<AssistantPages.LineView> lines, long after, boolean posted, String text,
			Map<String, String> errors) {
	}

	/** The form to log a phone call to the hotline. */
	public record CallPage(String citizen, String topic, String notes, String outcome, String minutes, String slot,
			String phone, List<String> outcomes, List<AssistantPages.Slot> slots, Map<String, String> errors) {
	}

	/** The assistant's figures over a range of days. */
	public record MetricsPage(LocalDate from, LocalDate to, List<Figure> figures, Map<String, String> errors) {
	}

	/** One figure: its message key (under {@code assistant.page.metrics.}) and its value, formatted. */
	public record Figure(String key, String value) {
	}
}
