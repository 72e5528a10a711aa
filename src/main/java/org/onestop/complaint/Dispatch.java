package org.onestop.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.onestop.complaint.ComplaintClock.Kind;
import org.onestop.complaint.dispatch.CategoryRule;
import org.onestop.complaint.dispatch.LeadSuggestions;
import org.onestop.complaint.dispatch.Suggestion;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatch centre's work: the live queue with the suggested lead department and
 * nearby duplicates, dispatch to exactly one lead and any co-handlers, arbitration of
 * returns, merging duplicates, and the head's decisions. Every move locks the complaint,
 * so two dispatchers (or two nodes) dispatch a complaint once; the second is told it has
 * gone.
 */
@Service
public class Dispatch {

	/** Dispatches after the first; one more escalates to the dispatch centre's head. */
	static final int MAX_REDISPATCHES = 2;

	static final int MAX_CO_HANDLERS = 5;

	private final Casebook book;

	private final Categories categories;

	private final Departments departments;

	private final ComplaintClocks clocks;

	private final Deadlines deadlines;

	private final ComplaintNotices notices;

	private final LeadSuggestions suggestions;

	private final Verdicts verdicts;

	private final ComplaintProperties properties;

	Dispatch(Casebook book, Categories categories, Departments departments, ComplaintClocks clocks, Deadlines deadlines,
			ComplaintNotices notices, LeadSuggestions suggestions, Verdicts verdicts, ComplaintProperties properties) {
		this.book = book;
		this.categories = categories;
		this.departments = departments;
		this.clocks = clocks;
		this.deadlines = deadlines;
		this.notices = notices;
		this.suggestions = suggestions;
		this.verdicts = verdicts;
		this.properties = properties;
	}

	/** A complaint waiting in the queue, with what helps the dispatcher decide. */
	public record QueueItem(ComplaintView complaint, List<Suggestion> suggestions, List<Duplicate> duplicates,
			boolean escalated) {
	}

	/** An open complaint of the same category nearby. */
	public record Duplicate(UUID id, String description, String address, Instant receivedAt, long distanceMetres,
			String statusName) {
	}

	/**
	 * The queue: new and returned complaints, escalated ones first, then oldest first.
	 */
	public List<QueueItem> queue(OneStopUser staff, Locale locale) {
		requireDispatcher(staff);
		List<QueueItem> items = new ArrayList<>();
		for (Complaint c : book.store().waitingForDispatch(200)) {
			Category category = categories.find(c.categoryCode()).orElseThrow();
			List<Suggestion> ranked = suggestions.ranked(rule(category), c.description(), 3);
			items
				.add(new QueueItem(book.view(c, true, locale), ranked, duplicates(c, category, locale), c.escalated()));
		}
		return items;
	}

	/** The returns waiting for arbitration, oldest first. */
	public List<ReturnRequest> pendingReturns(OneStopUser staff) {
		requireDispatcher(staff);
		return book.store().pendingReturns(200);
	}

	/** The complaints waiting for the dispatch centre's head to decide, oldest first. */
	public List<ComplaintView> awaitingHead(OneStopUser staff, Locale locale) {
		requireDispatcher(staff);
		return book.store().awaitingHead(100).stream().map(c -> book.view(c, true, locale)).toList();
	}

	/** The dispatcher's view of one complaint, with the suggestion and duplicates. */
	public QueueItem item(OneStopUser staff, UUID id, Locale locale) {
		requireDispatcher(staff);
		Complaint c = book.find(id);
		Category category = categories.find(c.categoryCode()).orElseThrow();
		return new QueueItem(book.view(c, true, locale), suggestions.ranked(rule(category), c.description(), 3),
				c.open() ? duplicates(c, category, locale) : List.of(), c.escalated());
	}

	/**
	 * Dispatches a waiting complaint to one lead department and any co-handlers. More
	 * than two re-dispatches are for the dispatch centre's head.
	 */
	@Transactional
	public ComplaintView dispatch(OneStopUser staff, UUID id, String leadDepartment, List<String> coHandlers,
			Locale locale) {
		requireDispatcher(staff);
		String lead = department("leadDepartment", leadDepartment);
		Set<String> co = new LinkedHashSet<>();
		for (String code : coHandlers == null ? List.<String>of() : coHandlers) {
			String department = department("coHandlers", code);
			if (department.equals(lead) || !co.add(department)) {
				throw new InvalidInputException("coHandlers", "complaint.dispatch.co-handlers.distinct");
			}
		}
		if (co.size() > MAX_CO_HANDLERS) {
			throw new InvalidInputException("coHandlers", "complaint.dispatch.co-handlers.too-many", MAX_CO_HANDLERS);
		}
		Complaint c = book.lock(id);
		if (c.mergedInto() != null || c.status() != ComplaintStatus.NEW) {
			throw new ConflictException("complaint.dispatch.not-waiting");
		}
		if (c.escalated() && !dispatchHead(staff)) {
			throw new ForbiddenException("complaint.dispatch.escalated");
		}
		Complaint dispatched = dispatchLocked(c, lead, List.copyOf(co), staff.username());
		suggestions.learn(c.categoryCode(), c.description(), lead, book.now());
		return book.view(dispatched, true, locale);
	}

	/** Assigns a locked, waiting complaint; the caller has checked who may. */
	Complaint dispatchLocked(Complaint c, String lead, List<String> co, String actor) {
		Instant now = book.now();
		UrgencyTier tier = !co.isEmpty() && c.urgencyTier() == UrgencyTier.GENERAL_7D ? UrgencyTier.COMPLEX_15D
				: c.urgencyTier();
		Instant replyDue = c.replyDue();
		if (tier != c.urgencyTier()) {
			// Co-handled complaints get the complex tier's time, counted from receipt.
			replyDue = deadlines.replyDue(tier, c.receivedAt());
			clocks.stop(c.id(), Kind.REPLY, now);
			clocks.start(c.id(), Kind.REPLY, c.reopenCount(), c.receivedAt(), replyDue);
		}
		book.store().endAssignments(c.id(), now, "REDISPATCHED");
		book.store()
			.assign(new Assignment(UUID.randomUUID(), c.id(), lead, Assignment.Kind.LEAD, now, actor, replyDue, null,
					null, null, null, null, null));
		Instant coDue = now.plus(Duration.between(now, replyDue).multipliedBy(2).dividedBy(3));
		for (String department : co) {
			book.store()
				.assign(new Assignment(UUID.randomUUID(), c.id(), department, Assignment.Kind.CO_HANDLER, now, actor,
						coDue.isAfter(now) ? coDue : replyDue, null, null, null, null, null, null));
		}
		Complaint dispatched = book.save(c.change()
			.status(ComplaintStatus.DISPATCHED)
			.leadDepartment(lead)
			.dispatchedAt(now)
			.dispatchCount(c.dispatchCount() + 1)
			.urgencyTier(tier)
			.replyDue(replyDue)
			.done());
		book.note(dispatched, c.dispatchCount() == 0 ? "DISPATCHED" : "REDISPATCHED", actor, lead, true, null);
		co.forEach(department -> book.note(dispatched, "CO_HANDLER_ADDED", actor, department, true, null));
		book.changed(actor, dispatched, "dispatched", lead + (co.isEmpty() ? "" : " with " + String.join(",", co)));
		notices.department(lead, Role.COMPLAINT_HANDLER, dispatched, "COMPLAINT_DISPATCHED",
				"complaint.notice.dispatched");
		co.forEach(department -> notices.department(department, Role.COMPLAINT_HANDLER, dispatched,
				"COMPLAINT_CO_HANDLING", "complaint.notice.co-handling"));
		List<Complaint> reporters = new ArrayList<>(book.store().followers(c.id()));
		reporters.add(0, dispatched);
		notices.reporters(reporters, "COMPLAINT_DISPATCHED", "complaint.notice.reporter.dispatched");
		return dispatched;
	}

	/**
	 * The dispatcher's ruling on a return: accepted, the complaint goes back to the queue
	 * (escalated to the head after two re-dispatches); rejected, the assignment stands.
	 */
	@Transactional
	public ComplaintView decideReturn(OneStopUser staff, UUID id, UUID returnId, Boolean accept, String reason,
			Locale locale) {
		requireDispatcher(staff);
		if (accept == null) {
			throw new InvalidInputException("accept", "complaint.return.decision.required");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 1000) {
			throw new InvalidInputException("reason", "complaint.return.decision.reason", 1000);
		}
		Complaint c = book.lock(id);
		ReturnRequest request = book.store()
			.returns(c.id())
			.stream()
			.filter(r -> r.id().equals(returnId))
			.findFirst()
			.orElseThrow(Casebook::notFound);
		if (!request.pending()) {
			throw new ConflictException("complaint.return.decided");
		}
		Instant now = book.now();
		book.store().decideReturn(request.id(), accept, why, staff.username(), now);
		if (!accept) {
			book.note(c, "RETURN_REJECTED", staff.username(), request.department(), false, why);
			book.changed(staff.username(), c, "return-rejected", request.department());
			notices.department(request.department(), Role.COMPLAINT_HANDLER, c, "COMPLAINT_RETURN_REJECTED",
					"complaint.notice.return-rejected");
			return book.view(c, true, locale);
		}
		book.store().endAssignments(c.id(), now, "RETURNED");
		boolean escalate = c.dispatchCount() > MAX_REDISPATCHES;
		Complaint back = book.save(c.change()
			.status(ComplaintStatus.NEW)
			.leadDepartment(null)
			.escalated(c.escalated() || escalate)
			.done());
		book.note(back, "RETURN_ACCEPTED", staff.username(), ComplaintNotices.DISPATCH_CENTRE, true, why);
		book.changed(staff.username(), back, "return-accepted", request.department());
		if (escalate && !c.escalated()) {
			book.note(back, "ESCALATED_TO_HEAD", "system", ComplaintNotices.DISPATCH_CENTRE, false, null);
			notices.dispatchHead(back, "COMPLAINT_ESCALATED", "complaint.notice.redispatch-escalated");
		}
		return book.view(back, true, locale);
	}

	/**
	 * The dispatch centre's head decides a complaint the citizen found unsolved three
	 * times: reopen it once more, or close it as not solved with the reason.
	 */
	@Transactional
	public ComplaintView headDecision(OneStopUser staff, UUID id, Boolean reopen, String reason, Locale locale) {
		if (!dispatchHead(staff)) {
			throw new ForbiddenException("complaint.head.forbidden");
		}
		if (reopen == null) {
			throw new InvalidInputException("reopen", "complaint.head.decision.required");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 1000) {
			throw new InvalidInputException("reason", "complaint.head.reason", 1000);
		}
		Complaint c = book.lock(id);
		if (c.status() != ComplaintStatus.HEAD_DECISION) {
			throw new ConflictException("complaint.head.not-waiting");
		}
		if (reopen) {
			verdicts.reopen(c, staff.username(), true, why);
		}
		else {
			verdicts.close(c, Closure.NOT_SOLVED, staff.username(), why);
		}
		return book.view(book.find(id), true, locale);
	}

	/**
	 * Merges a waiting complaint into an open one of the same category: one case, handled
	 * once; its reporter hears of every move and gives their own verdict.
	 */
	@Transactional
	public ComplaintView merge(OneStopUser staff, UUID id, UUID into, Locale locale) {
		requireDispatcher(staff);
		if (into == null || into.equals(id)) {
			throw new InvalidInputException("into", "complaint.merge.invalid");
		}
		// Both rows, always in id order: two merges in opposite directions must not
		// deadlock.
		Complaint first = book.lock(id.compareTo(into) < 0 ? id : into);
		Complaint second = book.lock(id.compareTo(into) < 0 ? into : id);
		Complaint c = first.id().equals(id) ? first : second;
		Complaint target = first.id().equals(id) ? second : first;
		if (c.mergedInto() != null || c.status() != ComplaintStatus.NEW) {
			throw new ConflictException("complaint.dispatch.not-waiting");
		}
		if (target.mergedInto() != null || !target.open() || !target.categoryCode().equals(c.categoryCode())) {
			throw new InvalidInputException("into", "complaint.merge.invalid");
		}
		Instant now = book.now();
		clocks.stopAll(c.id(), now);
		book.store().endAssignments(c.id(), now, "REDISPATCHED");
		for (Complaint follower : book.store().followers(c.id())) {
			book.save(follower.change().mergedInto(target.id()).done());
		}
		Complaint merged = book.save(c.change()
			.mergedInto(target.id())
			.status(ComplaintStatus.CLOSED)
			.closure(Closure.MERGED)
			.closedAt(now)
			.done());
		book.note(merged, "MERGED", staff.username(), ComplaintNotices.DISPATCH_CENTRE, true, null);
		book.note(target, "REPORTER_JOINED", staff.username(), null, false, c.id().toString());
		book.changed(staff.username(), merged, "merged", "into " + target.id());
		return book.view(merged, true, locale);
	}

	private List<Duplicate> duplicates(Complaint c, Category category, Locale locale) {
		if (c.latitude() == null) {
			return List.of();
		}
		return book.store()
			.nearby(category.code(), c.latitude(), c.longitude(), category.duplicateRadiusMetres(),
					c.receivedAt().minus(properties.duplicateWindow()))
			.stream()
			.filter(n -> !n.complaint().id().equals(c.id()))
			.map(n -> new Duplicate(n.complaint().id(), n.complaint().description(), n.complaint().address(),
					n.complaint().receivedAt(), Math.round(n.metres()), book.statusName(n.complaint(), locale)))
			.toList();
	}

	static CategoryRule rule(Category category) {
		return new CategoryRule(category.code(), category.leadDepartment(), category.certain());
	}

	private String department(String field, String code) {
		if (code == null || ComplaintNotices.DISPATCH_CENTRE.equals(code) || departments.byCode(code).isEmpty()) {
			throw new InvalidInputException(field, "complaint.dispatch.department.unknown");
		}
		return code;
	}

	private static void requireDispatcher(OneStopUser staff) {
		if (staff == null || !(staff.has(Role.DISPATCHER) || dispatchHead(staff))) {
			throw new ForbiddenException("complaint.dispatch.forbidden");
		}
	}

	static boolean dispatchHead(OneStopUser staff) {
		return staff != null && staff.has(Role.DEPARTMENT_HEAD)
				&& ComplaintNotices.DISPATCH_CENTRE.equals(staff.departmentCode());
	}

}
