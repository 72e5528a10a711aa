package org.onestop.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.platform.Shell;

/**
 * What the agent console and the assistant dashboard show: the records their templates
 * take (public because compiled templates live in another package).
 */
public final class AgentPages {

	private AgentPages() {
	}

	/**
	 * The console: duty, the pool's waiting line, the conversations being served,
	 * callbacks to make.
	 */
	public record ConsolePage(boolean onDuty, List<Waiting> waiting, List<Serving> serving, List<CallbackRow> callbacks,
			String done, List<String> outcomes, List<AssistantPages.Choice> categories) {

		/**
		 * What {@code ?done=} may say (each has a message key); anything else in the
		 * address shows nothing.
		 */
		private static final Set<String> DONE = Set.of("on-duty", "off-duty", "nobody", "taken", "callback-done",
				"call-logged", "ended", "callback-refused");

		static ConsolePage of(boolean onDuty, List<AgentDesk.QueueEntry> queue, List<Serving> serving,
				List<Callbacks.CallbackTask> callbacks, String done, List<AssistantPages.Choice> categories) {
			return new ConsolePage(onDuty,
					queue.stream()
						.map(q -> new Waiting(q.id(), waited(q.waitedSeconds()), q.topic(), q.citizen()))
						.toList(),
					serving,
					callbacks.stream()
						.map(c -> new CallbackRow(c.id(), c.phone(), c.slot(), c.escalatedAt() != null,
								c.from() == null ? null : c.from().title(), c.from() == null ? null : c.from().path()))
						.toList(),
					done != null && DONE.contains(done) ? done : null, AgentDesk.Outcome.names(), categories);
		}

		/** Whether {@link #done()} says that something was refused rather than done. */
		public boolean refused() {
			return done != null && done.endsWith("-refused");
		}

		private static String waited(long seconds) {
			return String.format("%d:%02d", seconds / 60, seconds % 60);
		}
	}

	/** One waiting conversation; {@code citizen} is null for an anonymous visitor. */
	public record Waiting(UUID id, String waited, String topic, String citizen) {
	}

	/** One conversation the agent is serving (read by {@link AgentConsoleQueries}). */
	public record Serving(UUID id, String topic, String citizen, Instant connectedAt) {
	}

	/**
	 * One callback not done yet; {@code fromTitle} and {@code fromPath} name the page its
	 * "call me back" button was pressed on (null for one booked in a conversation).
	 */
	public record CallbackRow(UUID id, String phone, Instant slot, boolean escalated, String fromTitle,
			String fromPath) {
	}

	/**
	 * Who the citizen is, with what they have open, so that they need not repeat
	 * themselves.
	 */
	public record CitizenView(String name, List<String> applications, List<String> appointments) {
	}

	/**
	 * A canned answer: a matter's summary from the catalog, ready to send;
	 * {@code bookable} when it has halls.
	 */
	public record Canned(String code, String name, String text, boolean bookable) {
	}

	/**
	 * A conversation as its agent sees it, with the forms of the actions taken on the
	 * citizen's behalf.
	 */
	public record ConversationPage(UUID id, String channel, String state, String topic, Instant startedAt,
			Instant queuedAt, boolean mine, List<AssistantPages.LineView> lines, List<Canned> discussed,
			List<Canned> canned, CitizenView citizen, List<AssistantPages.Slot> slots, List<String> outcomes,
			String text, String slot, String phone, List<AssistantPages.Choice> categories, ComplaintFields complaint,
			String complaintId, UUID outcomeComplaint, Map<String, String> errors) {

		public long after() {
			return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).id();
		}

		public boolean connected() {
			return "CONNECTED".equals(state);
		}
	}

	/**
	 * A complaint an agent is filing, as the form shows it again; {@code citizen} (the
	 * citizen's account) for phone calls only.
	 */
	public record ComplaintFields(String categoryCode, String description, String contactPhone, String citizen) {

		public static final ComplaintFields EMPTY = new ComplaintFields("", "", "", "");

	}

	/** What a live update or an in-place reply adds to the agent's transcript. */
	public record Updates(List<AssistantPages.LineView> lines, long after, boolean posted, String text,
			Map<String, String> errors) {
	}

	/**
	 * The form to log a phone call to the hotline, with the form that files a complaint
	 * during the call; {@code filed} is the tracking code of the complaint just filed, to
	 * read out to the caller.
	 */
	public record CallPage(String citizen, String topic, String notes, String outcome, String minutes, String slot,
			String phone, String complaintId, List<String> outcomes, List<AssistantPages.Slot> slots,
			List<AssistantPages.Choice> categories, ComplaintFields complaint, String filed,
			Map<String, String> errors) {
	}

	/** The assistant's figures over a range of days. */
	public record MetricsPage(LocalDate from, LocalDate to, List<Figure> figures, Map<String, String> errors) {

		static MetricsPage of(AssistantMetrics.Figures f, Map<String, String> errors, Locale locale, Shell shell) {
			List<Figure> rows = new ArrayList<>();
			rows.add(new Figure("conversations", String.valueOf(f.conversations())));
			rows.add(new Figure("person-requests", String.valueOf(f.personRequests())));
			rows.add(new Figure("queued", String.valueOf(f.queued())));
			rows.add(new Figure("messages-to-queue",
					f.maxMessagesToQueue() == null ? "–" : f.maxMessagesToQueue().toString()));
			rows.add(new Figure("ask-to-queue-p95", seconds(f.askToQueueSecondsP95(), locale, shell)));
			rows.add(new Figure("connected", String.valueOf(f.connected())));
			rows.add(new Figure("time-to-agent-p50", seconds(f.timeToAgentSecondsP50(), locale, shell)));
			rows.add(new Figure("time-to-agent-p95", seconds(f.timeToAgentSecondsP95(), locale, shell)));
			rows.add(new Figure("bot-conversations", String.valueOf(f.botConversations())));
			rows.add(new Figure("bot-resolution", rate(f.botResolutionRate(), f.botResolved(), locale, shell)));
			rows.add(new Figure("abandonment", rate(f.abandonmentRate(), f.abandonedWaits(), locale, shell)));
			rows.add(new Figure("returned-waits", String.valueOf(f.returnedWaits())));
			rows.add(new Figure("callbacks",
					f.callbacks() + " / " + f.callbacksDone() + " / " + f.callbacksEscalated()));
			rows.add(new Figure("phone-calls", String.valueOf(f.phoneCalls())));
			return new MetricsPage(f.from(), f.to(), rows, errors);
		}

		private static String seconds(Double seconds, Locale locale, Shell shell) {
			return seconds == null ? "–"
					: shell.t("assistant.page.metrics.unit.seconds", String.format(locale, "%.1f", seconds));
		}

		private static String rate(Double rate, long count, Locale locale, Shell shell) {
			return rate == null ? "–" : shell.t("assistant.page.metrics.unit.rate",
					String.format(locale, "%.1f", rate * 100), String.valueOf(count));
		}
	}

	/**
	 * One figure: its message key (under {@code assistant.page.metrics.}) and its value,
	 * formatted.
	 */
	public record Figure(String key, String value) {
	}

}
