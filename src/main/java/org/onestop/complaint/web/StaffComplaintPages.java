package org.onestop.complaint.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.complaint.Assignment;
import org.onestop.complaint.ComplaintClock;
import org.onestop.complaint.ComplaintStatus;
import org.onestop.complaint.ComplaintView;
import org.onestop.complaint.Handling.InboxItem;
import org.onestop.complaint.ReturnRequest;
import org.onestop.platform.Shell;

/**
 * What the department's complaint pages show (inbox, one complaint, the agents' follow-up
 * calls), and the words every staff complaint page shares: how long, how late, how sure.
 * Public only because the templates read them.
 */
public final class StaffComplaintPages {

	private static final int SHORT_DESCRIPTION = 80;

	private StaffComplaintPages() {
	}

	/** The department's inbox. */
	public record InboxPage(List<InboxRow> rows, String banner) {
	}

	/**
	 * A complaint in the inbox: its part, the due date of that part and, when it is late
	 * or nearly so, that in words.
	 */
	public record InboxRow(ComplaintView complaint, boolean lead, String shortDescription, Instant due, Clock clock,
			Instant returnUntil, boolean returnPending) {
	}

	/**
	 * How a complaint stands against its time limit, in words: {@code overdue} (red) or
	 * {@code warning} (near); both null when it is in good time or stopped.
	 */
	public record Clock(String overdue, String warning) {

		public boolean late() {
			return overdue != null;
		}

	}

	/** One complaint as the department works it, with the forms it may use now. */
	public record ComplaintPage(InboxItem item, boolean lead, boolean accepted, boolean returnOpen, boolean mayContact,
			boolean mayWait, boolean mayResume, boolean mayReply, ComplaintView.Part ownPart, boolean mayAnswer,
			Clock clock, Map<String, String> departments, Map<String, String> errors, Map<String, String> values,
			List<UUID> keptDocuments, String banner) {

		public ComplaintView complaint() {
			return item.complaint();
		}

		public String value(String name) {
			return values.getOrDefault(name, "");
		}

	}

	/** The replies still waiting for a verdict, each with the form for the call. */
	public record FollowUpsPage(List<ComplaintView> complaints, UUID failed, Map<String, String> errors,
			Map<String, String> values, String banner) {

		/** What was typed into the form of this complaint, kept after a refusal. */
		public String value(UUID id, String name) {
			return id.equals(failed) ? values.getOrDefault(name, "") : "";
		}

		public String error(UUID id, String field) {
			return id.equals(failed) ? errors.get(field + "-" + id) : null;
		}

	}

	static boolean held(ComplaintStatus status) {
		return status == ComplaintStatus.DISPATCHED || status == ComplaintStatus.IN_PROGRESS
				|| status == ComplaintStatus.WAITING;
	}

	static InboxRow row(InboxItem item, String department, Instant now, Shell shell) {
		ComplaintView c = item.complaint();
		boolean lead = item.part() == Assignment.Kind.LEAD;
		Instant due = lead ? c.replyDue() : own(c, department).map(ComplaintView.Part::dueAt).orElse(null);
		boolean returnedBefore = c.staff() != null
				&& c.staff().returns().stream().map(ReturnRequest::department).anyMatch(department::equals);
		Instant returnUntil = lead && !returnedBefore && item.returnUntil() != null && now.isBefore(item.returnUntil())
				? item.returnUntil() : null;
		return new InboxRow(c, lead, shorten(c.description()), due, clock(item, department, now, shell), returnUntil,
				item.returnPending());
	}

	static java.util.Optional<ComplaintView.Part> own(ComplaintView c, String department) {
		return c.coHandlers().stream().filter(p -> p.department().equals(department)).findFirst();
	}

	/**
	 * Late or nearly late, in words. The lead's reply and first contact are late as the
	 * view says; near means past the clock's own warning time. A co-handler's answer is
	 * late after its own due date.
	 */
	static Clock clock(InboxItem item, String department, Instant now, Shell shell) {
		ComplaintView c = item.complaint();
		if (!held(c.status()) || c.status() == ComplaintStatus.WAITING) {
			return new Clock(null, null);
		}
		if (item.part() != Assignment.Kind.LEAD) {
			ComplaintView.Part part = own(c, department).orElse(null);
			if (part == null || part.answeredAt() != null || part.dueAt() == null) {
				return new Clock(null, null);
			}
			return now.isAfter(part.dueAt())
					? new Clock(shell.t("complaint.staff.clock.answer.overdue", duration(part.dueAt(), now, shell)),
							null)
					: new Clock(null, null);
		}
		if (c.overdue()) {
			boolean reply = c.replyDue() != null && now.isAfter(c.replyDue());
			Instant due = reply ? c.replyDue() : c.firstContactDue();
			return new Clock(
					shell.t(reply ? "complaint.staff.clock.reply.overdue" : "complaint.staff.clock.contact.overdue",
							duration(due, now, shell)),
					null);
		}
		if (c.staff() != null) {
			for (ComplaintClock k : c.staff().clocks()) {
				if (k.running() && k.kind() != ComplaintClock.Kind.VERDICT && k.warnAt() != null
						&& now.isAfter(k.warnAt()) && k.dueAt() != null && now.isBefore(k.dueAt())) {
					return new Clock(null,
							shell.t(k.kind() == ComplaintClock.Kind.REPLY ? "complaint.staff.clock.reply.near"
									: "complaint.staff.clock.contact.near", duration(now, k.dueAt(), shell)));
				}
			}
		}
		return new Clock(null, null);
	}

	static ComplaintPage page(InboxItem item, String department, Instant now, Map<String, String> departments,
			Map<String, String> errors, Map<String, String> values, List<UUID> kept, String banner, Shell shell) {
		ComplaintView c = item.complaint();
		boolean lead = item.part() == Assignment.Kind.LEAD;
		boolean held = held(c.status());
		boolean accepted = c.staff() != null && c.staff()
			.assignments()
			.stream()
			.anyMatch(a -> a.active() && a.kind() == Assignment.Kind.LEAD && a.acceptedAt() != null);
		boolean returnedBefore = c.staff() != null
				&& c.staff().returns().stream().map(ReturnRequest::department).anyMatch(department::equals);
		boolean returnOpen = lead && !returnedBefore && item.returnUntil() != null && now.isBefore(item.returnUntil())
				&& (c.status() == ComplaintStatus.DISPATCHED || c.status() == ComplaintStatus.IN_PROGRESS);
		ComplaintView.Part own = lead ? null : own(c, department).orElse(null);
		return new ComplaintPage(item, lead, accepted, returnOpen, lead && held,
				lead && c.status() != ComplaintStatus.WAITING && held, lead && c.status() == ComplaintStatus.WAITING,
				lead && held && !item.returnPending(), own, own != null && own.answeredAt() == null && held,
				clock(item, department, now, shell), departments, errors, values, kept, banner);
	}

	/** A description cut for a list; the detail page shows it whole. */
	static String shorten(String text) {
		if (text == null || text.codePointCount(0, text.length()) <= SHORT_DESCRIPTION) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, SHORT_DESCRIPTION)) + "…";
	}

	/**
	 * A span of time in words, as precise as a clerk needs: minutes under an hour, hours
	 * under two days, days after.
	 */
	static String duration(Instant from, Instant to, Shell shell) {
		Duration d = Duration.between(from, to);
		if (d.isNegative()) {
			d = Duration.ZERO;
		}
		if (d.toMinutes() < 60) {
			return shell.t("complaint.staff.duration.minutes", Math.max(1, d.toMinutes()));
		}
		if (d.toHours() < 48) {
			return shell.t("complaint.staff.duration.hours", d.toHours());
		}
		return shell.t("complaint.staff.duration.days", d.toDays());
	}

	/** How sure a suggestion is, in words and percent ("很可能 82 %"). */
	static String confidence(double confidence, boolean certain, Shell shell) {
		long percent = Math.round(Math.max(0, Math.min(1, confidence)) * 100);
		String words = certain ? "certain" : percent >= 90 ? "almost-certain"
				: percent >= 75 ? "very-likely" : percent >= 50 ? "likely" : "unsure";
		return shell.t("complaint.staff.confidence", shell.t("complaint.staff.confidence." + words),
				String.valueOf(percent));
	}

}
