package org.onestop.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.onestop.complaint.ComplaintView.Part;
import org.onestop.complaint.ComplaintView.StaffDetail;
import org.onestop.complaint.ComplaintView.Step;
import org.onestop.identity.Departments;
import org.onestop.platform.Messages;
import org.onestop.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every move on a complaint shares: finding and locking it, writing the timeline and
 * the audit event, and building the views. Package-private: the facades are the API.
 */
@Component
class Casebook {

	/** The moves whose detail was written for the reporter to read. */
	static final java.util.Set<String> FOR_REPORTER = java.util.Set.of("REPLIED", "WAITING", "CLOSED_NOT_SOLVED",
			"REOPENED_BY_HEAD");

	private final ComplaintStore store;

	private final Categories categories;

	private final Departments departments;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ComplaintProperties properties;

	Casebook(ComplaintStore store, Categories categories, Departments departments, Messages messages,
			ApplicationEventPublisher events, Clock clock, ComplaintProperties properties) {
		this.store = store;
		this.categories = categories;
		this.departments = departments;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	Instant now() {
		return clock.instant();
	}

	ComplaintStore store() {
		return store;
	}

	/** The complaint, locked; unknown ids are 404. */
	Complaint lock(UUID id) {
		return store.lock(id).orElseThrow(Casebook::notFound);
	}

	Complaint find(UUID id) {
		return store.find(id).orElseThrow(Casebook::notFound);
	}

	static NotFoundException notFound() {
		return new NotFoundException("complaint.not-found");
	}

	Complaint save(Complaint complaint) {
		store.update(complaint);
		return complaint;
	}

	void note(Complaint c, String kind, String actor, String department, boolean isPublic, String detail) {
		store.record(c.id(), now(), kind, actor, department, isPublic, detail);
	}

	void changed(String actor, Complaint c, String change, String summary) {
		events.publishEvent(new ComplaintChanged(actor, c.id(), change, summary));
	}

	/** The lead assignment that is active now, if any. */
	Assignment lead(UUID complaintId) {
		return store.assignments(complaintId)
			.stream()
			.filter(a -> a.active() && a.kind() == Assignment.Kind.LEAD)
			.findFirst()
			.orElse(null);
	}

	boolean verdictOpen(Complaint own, Complaint handled) {
		if (store.verdicts(own.id()).stream().anyMatch(v -> v.round() == handled.reopenCount())) {
			return false;
		}
		if (handled.status() == ComplaintStatus.REPLIED) {
			return true;
		}
		// A closed case still takes each reporter's verdict for 14 days: one closed for
		// want
		// of an answer, or one another reporter of a merged case found solved.
		return handled.status() == ComplaintStatus.CLOSED
				&& (handled.closure() == Closure.NO_FEEDBACK || handled.closure() == Closure.SOLVED)
				&& handled.closedAt() != null
				&& now().isBefore(handled.closedAt().plus(properties.lateFeedbackWindow()));
	}

	String departmentName(String code, Locale locale) {
		return code == null ? null : departments.byCode(code).map(d -> d.name(locale)).orElse(code);
	}

	/** Who holds a handled complaint now: the dispatch centre, or the lead department. */
	static String holder(Complaint handled) {
		return handled.status() == ComplaintStatus.NEW || handled.status() == ComplaintStatus.HEAD_DECISION
				? ComplaintNotices.DISPATCH_CENTRE : handled.leadDepartment();
	}

	String statusName(Complaint handled, Locale locale) {
		return messages.get(locale, "complaint.status." + handled.status());
	}

	/**
	 * The view of a complaint (and, if merged, of the case it joined) for its reporter or
	 * for staff.
	 */
	ComplaintView view(Complaint own, boolean forStaff, Locale locale) {
		Complaint handled = own.mergedInto() == null ? own : find(own.mergedInto());
		UUID caseId = handled.id();
		List<Assignment> assignments = store.assignments(caseId);
		List<Part> co = assignments.stream()
			.filter(a -> a.active() && a.kind() == Assignment.Kind.CO_HANDLER)
			.map(a -> new Part(a.department(), departmentName(a.department(), locale), a.dueAt(), a.answeredAt(),
					forStaff ? a.answer() : null))
			.toList();
		String holder = holder(handled);
		List<Step> timeline = new ArrayList<>();
		List<TimelineEntry> entries = new ArrayList<>(store.timeline(own.id()));
		if (own.mergedInto() != null) {
			entries.addAll(store.timeline(caseId));
			entries.sort((a, b) -> a.at().compareTo(b.at()));
		}
		for (TimelineEntry e : entries) {
			if (forStaff || e.isPublic()) {
				timeline.add(new Step(e.at(), e.kind(), messages.get(locale, "complaint.event." + e.kind()),
						forStaff || FOR_REPORTER.contains(e.kind()) ? e.detail() : null,
						departmentName(e.department(), locale), forStaff ? e.actor() : null));
			}
		}
		Instant now = now();
		boolean overdue = handled.status().heldByDepartment() && handled.status() != ComplaintStatus.WAITING
				&& ((handled.replyDue() != null && now.isAfter(handled.replyDue()))
						|| (handled.firstContactedAt() == null && handled.firstContactDue() != null
								&& now.isAfter(handled.firstContactDue())));
		List<ComplaintStore.Photo> photos = store.documents(own.id());
		List<ComplaintStore.Photo> evidence = store.documents(caseId);
		StaffDetail staff = forStaff ? new StaffDetail(own.reporter(), own.contactName(), own.contactPhone(),
				own.contactEmail(), own.filedBy(), own.conversationId(), handled.dispatchCount(), handled.reopenCount(),
				handled.escalated(), assignments, store.returns(caseId), store.clocks(caseId),
				store.followers(caseId).stream().map(Complaint::id).toList()) : null;
		return new ComplaintView(own.id(), forStaff ? null : own.trackingCode(), handled.status(),
				statusName(handled, locale), own.channel(), own.categoryCode(),
				categories.find(own.categoryCode()).map(c -> c.name(locale)).orElse(own.categoryCode()),
				own.description(), own.address(), own.latitude(), own.longitude(), own.receivedAt(), holder,
				departmentName(holder, locale), handled.leadDepartment(),
				departmentName(handled.leadDepartment(), locale), co, handled.firstContactDue(),
				handled.firstContactedAt(), handled.replyDue(), overdue, handled.repliedAt(), handled.replyText(),
				handled.waitingReason(), own.closure() != null ? own.closure() : handled.closure(),
				own.closure() != null || handled.closure() != null
						? messages.get(locale,
								"complaint.closure." + Objects.requireNonNullElse(own.closure(), handled.closure()))
						: null,
				handled.closedAt(), forStaff && handled.supervisorFlag(), own.mergedInto(), store.verdicts(own.id()),
				verdictOpen(own, handled), timeline,
				photos.stream()
					.filter(p -> "REPORT".equals(p.purpose()))
					.map(ComplaintStore.Photo::documentId)
					.toList(),
				evidence.stream()
					.filter(p -> "EVIDENCE".equals(p.purpose()))
					.map(ComplaintStore.Photo::documentId)
					.toList(),
				staff);
	}

}
