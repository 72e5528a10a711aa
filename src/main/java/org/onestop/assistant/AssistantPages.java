package org.onestop.assistant;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the assistant's pages show: the records their templates take (public because
 * compiled templates live in another package; they carry only what a page shows, never
 * the conversation's stored form).
 */
public final class AssistantPages {

	private AssistantPages() {
	}

	/**
	 * Where a conversation page stands: the last line it shows and its handoff panel
	 * ({@code ?after=&state=}); with htmx ({@code HX-Request}) it asks for only what
	 * changed.
	 */
	record Cursor(long after, String state, boolean htmx) {
	}

	/** The first question, or a person at once. */
	public record StartPage(String text, Map<String, String> errors) {
	}

	/**
	 * One line of a transcript; {@code author} is CITIZEN, ASSISTANT, AGENT or SYSTEM;
	 * {@code link} a button's target.
	 */
	public record LineView(long id, Instant at, String author, String text, String link) {

		static List<LineView> of(List<ConversationStore.Line> lines) {
			return lines.stream().map(l -> new LineView(l.id(), l.at(), l.author(), l.text(), l.link())).toList();
		}
	}

	/**
	 * Where the handoff stands, as the handoff panel shows it; the panel is sent again
	 * only when {@link #key()} changes.
	 */
	public record StateView(UUID id, String state, Integer position, Integer waitMinutes, Boolean helpful,
			boolean answered, boolean callback) {

		/**
		 * {@code callback}: whether a callback request would be taken now (otherwise the
		 * page does not offer it).
		 */
		static StateView of(Transcript t, boolean callback) {
			return new StateView(t.id(), t.handoff().state().name(), t.handoff().position(),
					t.handoff().estimatedWaitMinutes(), t.helpful(),
					t.messages().stream().anyMatch(l -> "ASSISTANT".equals(l.author())), callback);
		}

		public String key() {
			return state + "-" + position + "-" + waitMinutes + "-" + helpful + "-" + answered + "-" + callback;
		}

		public boolean is(String name) {
			return state.equals(name);
		}

		/** There is an answer to rate, and the citizen has not rated it yet. */
		public boolean rateable() {
			return helpful == null && answered && (is("NONE") || is("ENDED"));
		}
	}

	/**
	 * A button under the latest reply, kept across the redirect after a form post (flash
	 * attributes live in the session, so it is serializable).
	 */
	public record ActionLink(String type, String label, String href, String message) implements Serializable {

		static List<ActionLink> of(Reply reply) {
			return reply.actions()
				.stream()
				.map(a -> new ActionLink(a.type().name(), a.label(), a.href(), a.message()))
				.toList();
		}

		public boolean link() {
			return href != null && !href.isBlank();
		}
	}

	/**
	 * The conversation as its owner sees it, with the buttons of the latest reply;
	 * {@code notice} is the message key of a short notice after a redirect, or null.
	 */
	public record ConversationPage(UUID id, List<LineView> lines, StateView state, List<ActionLink> actions,
			String text, Map<String, String> errors, String notice) {

		static ConversationPage of(Transcript t, boolean callback, List<ActionLink> actions, String text,
				Map<String, String> errors, String notice) {
			return new ConversationPage(t.id(), LineView.of(t.messages()), StateView.of(t, callback), actions, text,
					errors, notice);
		}

		/** The last line shown: live updates fetch only what came after it. */
		public long after() {
			return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).id();
		}
	}

	/**
	 * What a live update or an in-place reply adds: new lines, the handoff panel when it
	 * changed, and after a post the buttons of the reply and the message box (cleared, or
	 * with its error).
	 */
	public record Updates(UUID id, List<LineView> lines, long after, StateView state, boolean stateChanged,
			boolean posted, List<ActionLink> actions, String text, Map<String, String> errors) {
	}

	/** The callback form: working-hour slots to choose from, and the phone number. */
	public record CallbackPage(UUID id, List<Slot> slots, String slot, String phone, Map<String, String> errors) {
	}

	/**
	 * "File a complaint" from the conversation: the prefilled description, the category
	 * the citizen must choose, and what is wrong beside each field.
	 */
	public record ComplaintPage(UUID id, List<Choice> categories, String categoryCode, String description,
			Map<String, String> errors) {

		static ComplaintPage of(UUID id, List<AssistantComplaints.CategoryChoice> categories, String categoryCode,
				String description, Map<String, String> errors) {
			return new ComplaintPage(id, categories.stream().map(c -> new Choice(c.code(), c.name())).toList(),
					categoryCode, description, errors);
		}

		public int maxDescription() {
			return AgentDesk.MAX_COMPLAINT;
		}
	}

	/** One choice of a select: the value sent and how it reads. */
	public record Choice(String value, String label) {
	}

	/** One slot offered for a callback: the value sent and how it reads. */
	public record Slot(String value, String label) {
	}

	/**
	 * The "call me back" form of a form page: the page it came from (path and title), the
	 * slots, and the number to call: the one on the citizen's account (masked) or one to
	 * type ({@code phoneOnFile} null).
	 */
	public record CallMePage(String from, String title, List<Slot> slots, String slot, String phoneOnFile, String phone,
			Map<String, String> errors) {
	}

	/**
	 * A booked "call me back", shown once after the redirect (a flash attribute, so
	 * serializable): when, which number (masked), and the page to go back to.
	 */
	public record CallMeDone(Instant slot, String phone, String from, String title) implements Serializable {
	}

}
