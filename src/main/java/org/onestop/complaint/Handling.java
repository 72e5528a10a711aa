package org.onestop.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onestop.application.vault.DocumentVault;
import org.onestop.complaint.ComplaintClock.Kind;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's complaint work (role COMPLAINT_HANDLER, or the head): the inbox of
 * complaints it leads or co-handles, accepting, returning within 2 working hours (once
 * per complaint), first contact, waiting for the citizen or an outside body (the clock
 * stops), the reply with evidence, and co-handlers' answers; agents' follow-up calls
 * (回访). Another department's complaint is as good as absent (404).
 */
@Service
public class Handling {

	private final Casebook book;

	private final ComplaintClocks clocks;

	private final ComplaintNotices notices;

	private final Deadlines deadlines;

	private final Verdicts verdicts;

	private final DocumentVault vault;

	private final ComplaintProperties properties;

	Handling(Casebook book, ComplaintClocks clocks, ComplaintNotices notices, Deadlines deadlines, Verdicts verdicts,
			DocumentVault vault, ComplaintProperties properties) {
		this.book = book;
		this.clocks = clocks;
		this.notices = notices;
		this.deadlines = deadlines;
		this.verdicts = verdicts;
		this.vault = vault;
		this.properties = properties;
	}

	/** A complaint in a department's inbox and its part in it. */
	public record InboxItem(ComplaintView complaint, Assignment.Kind part, Instant returnUntil, boolean returnPending) {
	}

	/** The complaints the department leads or co-handles now, the most urgent first. */
	public List<InboxItem> inbox(OneStopUser staff, Locale locale) {
		requireHandler(staff);
		List<InboxItem> items = new ArrayList<>();
		for (Complaint c : book.store().ofDepartment(staff.departmentCode(), 200)) {
			Assignment part = activePart(c, staff.departmentCode());
			if (part == null) {
				continue;
			}
			boolean pending = book.store()
				.returns(c.id())
				.stream()
				.anyMatch(r -> r.pending() && r.department().equals(staff.departmentCode()));
			items.add(new InboxItem(book.view(c, true, locale), part.kind(),
					part.kind() == Assignment.Kind.LEAD ? returnUntil(part) : null, pending));
		}
		return items;
	}

	/**
	 * One complaint of the department's inbox, with its part in it; one it does not hold
	 * now is as good as absent (404).
	 */
	public InboxItem item(OneStopUser staff, UUID id, Locale locale) {
		requireHandler(staff);
		Complaint c = book.find(id);
		Assignment part = c.mergedInto() == null ? activePart(c, staff.departmentCode()) : null;
		if (part == null) {
			throw Casebook.notFound();
		}
		boolean pending = book.store()
			.returns(c.id())
			.stream()
			.anyMatch(r -> r.pending() && r.department().equals(staff.departmentCode()));
		return new InboxItem(book.view(c, true, locale), part.kind(),
				part.kind() == Assignment.Kind.LEAD ? returnUntil(part) : null, pending);
	}

	/** Signs for the complaint (签收): the department has it. */
	@Transactional
	public ComplaintView accept(OneStopUser staff, UUID id, Locale locale) {
		Complaint c = lockAsLead(staff, id);
		Assignment lead = book.lead(c.id());
		if (lead.acceptedAt() == null) {
			book.store().acceptAssignment(lead.id(), book.now());
			book.note(c, "ACCEPTED", staff.username(), c.leadDepartment(), true, null);
			book.changed(staff.username(), c, "accepted", c.leadDepartment());
		}
		return book.view(c, true, locale);
	}

	/**
	 * Returns the dispatch (退单) with a reason, within 2 working hours of it, once per
	 * complaint and department; the dispatcher arbitrates.
	 */
	@Transactional
	public ReturnRequest returnDispatch(OneStopUser staff, UUID id, String reason) {
		requireHandler(staff);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 1000) {
			throw new InvalidInputException("reason", "complaint.return.reason", 1000);
		}
		Complaint c = lockAsLead(staff, id);
		if (c.status() != ComplaintStatus.DISPATCHED && c.status() != ComplaintStatus.IN_PROGRESS) {
			throw new ConflictException("complaint.return.not-now");
		}
		List<ReturnRequest> returns = book.store().returns(c.id());
		if (returns.stream().anyMatch(r -> r.department().equals(staff.departmentCode()))) {
			throw new ConflictException("complaint.return.once");
		}
		Assignment lead = book.lead(c.id());
		Instant now = book.now();
		if (now.isAfter(returnUntil(lead))) {
			throw new ConflictException("complaint.return.too-late");
		}
		ReturnRequest request = new ReturnRequest(UUID.randomUUID(), c.id(), lead.id(), staff.departmentCode(), why,
				now, staff.username(), null, null, null, null);
		try {
			book.store().requestReturn(request);
		}
		catch (DuplicateKeyException ex) {
			// Two handlers of one department returning at once: the database keeps one.
			throw new ConflictException("complaint.return.once");
		}
		book.note(c, "RETURN_REQUESTED", staff.username(), staff.departmentCode(), false, why);
		book.changed(staff.username(), c, "returned", why);
		notices.dispatchers(c, "COMPLAINT_RETURNED", "complaint.notice.returned");
		return request;
	}

	/** First contact with the citizen made: the contact clock stops. */
	@Transactional
	public ComplaintView contact(OneStopUser staff, UUID id, String note, Locale locale) {
		requireHandler(staff);
		String text = note == null ? "" : note.strip();
		if (text.length() > 1000) {
			throw new InvalidInputException("note", "complaint.contact.note.long", 1000);
		}
		Complaint c = lockAsLead(staff, id);
		if (!c.status().heldByDepartment()) {
			throw new ConflictException("complaint.handling.not-now");
		}
		Instant now = book.now();
		Complaint contacted = book.save(c.change()
			.firstContactedAt(c.firstContactedAt() == null ? now : c.firstContactedAt())
			.status(c.status() == ComplaintStatus.DISPATCHED ? ComplaintStatus.IN_PROGRESS : c.status())
			.done());
		clocks.stop(c.id(), Kind.CONTACT, now);
		book.note(contacted, "CONTACTED", staff.username(), c.leadDepartment(), true, text.isEmpty() ? null : text);
		book.changed(staff.username(), contacted, "contacted", c.leadDepartment());
		return book.view(contacted, true, locale);
	}

	/**
	 * Waiting for the citizen or an outside body: the clocks stop, and the reporter is
	 * told why.
	 */
	@Transactional
	public ComplaintView waitFor(OneStopUser staff, UUID id, String reason, Locale locale) {
		requireHandler(staff);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw new InvalidInputException("reason", "complaint.wait.reason", 500);
		}
		Complaint c = lockAsLead(staff, id);
		if (c.status() != ComplaintStatus.DISPATCHED && c.status() != ComplaintStatus.IN_PROGRESS) {
			throw new ConflictException("complaint.handling.not-now");
		}
		Instant now = book.now();
		clocks.pause(c.id(), now);
		Complaint waiting = book
			.save(c.change().status(ComplaintStatus.WAITING).waitingSince(now).waitingReason(why).done());
		book.note(waiting, "WAITING", staff.username(), c.leadDepartment(), true, why);
		book.changed(staff.username(), waiting, "waiting", why);
		notices.reporters(reporters(waiting), "COMPLAINT_WAITING", "complaint.notice.waiting", why);
		return book.view(waiting, true, locale);
	}

	/** The wait is over: the clocks run again, their due dates moved on by the wait. */
	@Transactional
	public ComplaintView resume(OneStopUser staff, UUID id, Locale locale) {
		Complaint c = lockAsLead(staff, id);
		if (c.status() != ComplaintStatus.WAITING) {
			throw new ConflictException("complaint.wait.not-waiting");
		}
		Instant now = book.now();
		Instant replyDue = clocks.resume(c.id(), now).orElse(c.replyDue());
		Instant contactDue = c.firstContactedAt() == null && c.firstContactDue() != null && c.waitingSince() != null
				? c.firstContactDue().plus(java.time.Duration.between(c.waitingSince(), now)) : c.firstContactDue();
		Complaint running = book.save(c.change()
			.status(c.firstContactedAt() == null ? ComplaintStatus.DISPATCHED : ComplaintStatus.IN_PROGRESS)
			.waitingSince(null)
			.waitingReason(null)
			.replyDue(replyDue)
			.firstContactDue(contactDue)
			.done());
		book.note(running, "RESUMED", staff.username(), c.leadDepartment(), true, null);
		book.changed(staff.username(), running, "resumed", c.leadDepartment());
		return book.view(running, true, locale);
	}

	/**
	 * The lead department's reply: what was done, with evidence photos from the handler's
	 * vault. The reporters are asked for their verdict; a follow-up call comes if none
	 * arrives.
	 */
	@Transactional
	public ComplaintView reply(OneStopUser staff, UUID id, String text, List<UUID> documentIds, Locale locale) {
		requireHandler(staff);
		String answer = text == null ? "" : text.strip();
		if (answer.isEmpty() || answer.length() > 4000) {
			throw new InvalidInputException("text", "complaint.reply.text", 4000);
		}
		List<UUID> evidence = documentIds == null ? List.of() : documentIds.stream().distinct().toList();
		if (evidence.size() > Complaints.MAX_PHOTOS) {
			throw new InvalidInputException("documentIds", "complaint.photos.too-many", Complaints.MAX_PHOTOS);
		}
		if (!evidence.isEmpty() && !vault.owned(staff.username(), evidence).containsAll(evidence)) {
			throw new InvalidInputException("documentIds", "complaint.photos.unknown");
		}
		Complaint c = lockAsLead(staff, id);
		if (!c.status().heldByDepartment()) {
			throw new ConflictException("complaint.handling.not-now");
		}
		if (book.store().returns(c.id()).stream().anyMatch(ReturnRequest::pending)) {
			throw new ConflictException("complaint.reply.return-pending");
		}
		Instant now = book.now();
		clocks.stop(c.id(), Kind.CONTACT, now);
		clocks.stop(c.id(), Kind.REPLY, now);
		clocks.start(c.id(), Kind.VERDICT, c.reopenCount(), now, now.plus(properties.verdictFollowUpAfter()),
				now.plus(properties.verdictWindow()), now.plus(properties.verdictWindow()).plusSeconds(86_400L * 365));
		Complaint replied = book.save(c.change()
			.status(ComplaintStatus.REPLIED)
			.repliedAt(now)
			.replyText(answer)
			.firstContactedAt(c.firstContactedAt() == null ? now : c.firstContactedAt())
			.waitingSince(null)
			.waitingReason(null)
			.done());
		evidence.forEach(d -> book.store().addDocument(c.id(), d, staff.username(), "EVIDENCE", now));
		book.note(replied, "REPLIED", staff.username(), c.leadDepartment(), true, answer);
		book.changed(staff.username(), replied, "replied", c.leadDepartment());
		notices.reporters(reporters(replied), "COMPLAINT_REPLIED", "complaint.notice.replied");
		return book.view(replied, true, locale);
	}

	/** A co-handling department's answer, which feeds the lead's reply. */
	@Transactional
	public ComplaintView answerCoHandling(OneStopUser staff, UUID id, String text, Locale locale) {
		requireHandler(staff);
		String answer = text == null ? "" : text.strip();
		if (answer.isEmpty() || answer.length() > 4000) {
			throw new InvalidInputException("text", "complaint.co-handling.text", 4000);
		}
		Complaint c = book.lock(id);
		Assignment part = activePart(c, staff.departmentCode());
		if (part == null || part.kind() != Assignment.Kind.CO_HANDLER) {
			throw Casebook.notFound();
		}
		if (part.answeredAt() != null) {
			throw new ConflictException("complaint.co-handling.answered");
		}
		if (!c.status().heldByDepartment()) {
			throw new ConflictException("complaint.handling.not-now");
		}
		book.store().answer(part.id(), answer, staff.username(), book.now());
		book.note(c, "CO_HANDLING_ANSWERED", staff.username(), staff.departmentCode(), false, answer);
		book.changed(staff.username(), c, "co-handling-answered", staff.departmentCode());
		notices.department(c.leadDepartment(), Role.COMPLAINT_HANDLER, c, "COMPLAINT_CO_ANSWER",
				"complaint.notice.co-answer");
		return book.view(c, true, locale);
	}

	/** Replies still waiting for a verdict, for the agents' follow-up calls (回访). */
	public List<ComplaintView> followUps(OneStopUser staff, Locale locale) {
		if (staff == null || !staff.has(Role.AGENT)) {
			throw new ForbiddenException("complaint.follow-up.forbidden");
		}
		return book.store()
			.openFollowUps(100)
			.stream()
			.map(f -> book.view(book.find(f.complaintId()), true, locale))
			.toList();
	}

	/**
	 * An agent's follow-up call: the citizen's verdict recorded as theirs, or that they
	 * could not be reached.
	 */
	@Transactional
	public ComplaintView recordFollowUp(OneStopUser staff, UUID id, Boolean reached, Boolean solved, Integer rating,
			String comment, Locale locale) {
		if (staff == null || !staff.has(Role.AGENT)) {
			throw new ForbiddenException("complaint.follow-up.forbidden");
		}
		if (reached == null) {
			throw new InvalidInputException("reached", "complaint.follow-up.reached");
		}
		Complaint c = book.lock(id);
		// Only a call the verdict clock asked for: the citizen, not an agent, has the
		// first say.
		if (c.mergedInto() != null || c.status() != ComplaintStatus.REPLIED
				|| !book.store().hasOpenFollowUp(c.id(), c.reopenCount())) {
			throw new ConflictException("complaint.follow-up.not-now");
		}
		if (!reached) {
			book.store().closeFollowUps(c.id(), "UNREACHABLE", staff.username(), book.now());
			book.note(c, "FOLLOW_UP_UNREACHABLE", staff.username(), null, false, null);
			return book.view(c, true, locale);
		}
		if (solved == null) {
			throw new InvalidInputException("solved", "complaint.verdict.solved.required");
		}
		verdicts.give(c, c, solved, rating, comment, "FOLLOW_UP", staff.username());
		return book.view(book.find(id), true, locale);
	}

	private Instant returnUntil(Assignment lead) {
		return deadlines.afterWorkingTime(lead.assignedAt(), properties.returnWindow());
	}

	private List<Complaint> reporters(Complaint handled) {
		List<Complaint> all = new ArrayList<>(book.store().followers(handled.id()));
		all.add(0, handled);
		return all;
	}

	private Assignment activePart(Complaint c, String department) {
		return book.store()
			.assignments(c.id())
			.stream()
			.filter(a -> a.active() && a.department().equals(department))
			.findFirst()
			.orElse(null);
	}

	/** The complaint, locked, if the handler's department leads it now. */
	private Complaint lockAsLead(OneStopUser staff, UUID id) {
		requireHandler(staff);
		Complaint c = book.lock(id);
		Assignment lead = book.lead(c.id());
		if (c.mergedInto() != null || lead == null || !lead.department().equals(staff.departmentCode())) {
			throw Casebook.notFound();
		}
		return c;
	}

	private static void requireHandler(OneStopUser staff) {
		if (staff == null || !(staff.has(Role.COMPLAINT_HANDLER) || staff.has(Role.DEPARTMENT_HEAD))) {
			throw new ForbiddenException("complaint.handling.forbidden");
		}
	}

}
