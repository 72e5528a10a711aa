package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.Application.Status;
import org.onestop.application.form.FieldRules;
import org.onestop.application.form.FormDefinition;
import org.onestop.application.form.Forms;
import org.onestop.catalog.Catalog;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.workflow.Workflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading applications and what the citizen does after submitting: answer a request,
 * withdraw. Only the applicant, or staff of the handling department, may see an
 * application; to anyone else it does not exist (404).
 */
@Service
public class Cases {

	private final ApplicationStore store;

	private final Timeline timeline;

	private final Workflow workflow;

	private final Deadlines deadlines;

	private final CaseStatus caseStatus;

	private final Drafts drafts;

	private final Forms forms;

	private final Catalog catalog;

	private final RequestStore requests;

	private final TripStore trips;

	private final CaseVariables variables;

	private final MandateScope acting;

	private final Clock clock;

	Cases(ApplicationStore store, Timeline timeline, Workflow workflow, Deadlines deadlines, CaseStatus caseStatus,
			Drafts drafts, Forms forms, Catalog catalog, RequestStore requests, TripStore trips,
			CaseVariables variables, MandateScope acting, Clock clock) {
		this.store = store;
		this.timeline = timeline;
		this.workflow = workflow;
		this.deadlines = deadlines;
		this.caseStatus = caseStatus;
		this.drafts = drafts;
		this.forms = forms;
		this.catalog = catalog;
		this.requests = requests;
		this.trips = trips;
		this.variables = variables;
		this.acting = acting;
		this.clock = clock;
	}

	/**
	 * The application if this person may read it; otherwise 404, never 403, so nothing
	 * leaks.
	 */
	public Application readable(OneStopUser user, UUID id) {
		return store.find(id)
			.filter(a -> mayRead(user, a))
			.orElseThrow(() -> new NotFoundException("application.not-found"));
	}

	/**
	 * The application with this reference (as people quote it: spaces and case do not
	 * matter), if this person may read it; otherwise none, whether or not it exists.
	 */
	public Optional<Application> byReference(OneStopUser user, String reference) {
		String quoted = reference == null ? "" : reference.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		if (quoted.isEmpty() || quoted.length() > 40) {
			return Optional.empty();
		}
		return store.byReference(quoted).filter(a -> mayRead(user, a));
	}

	static boolean mayRead(OneStopUser user, Application a) {
		if (!user.staff()) {
			// A representative reads only the matters of the mandate; the rest is not
			// there.
			return a.applicant().equals(user.username()) && MandateScope.covers(user, a);
		}
		return a.department().equals(user.department()) && a.status() != Status.DRAFT && handlesCases(user);
	}

	/**
	 * Staff roles that work on cases; others of the department (an agent, say) do not
	 * read case files.
	 */
	static boolean handlesCases(OneStopUser user) {
		return user.has(Role.CLERK) || user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR)
				|| user.has(Role.FIELD_OFFICER) || user.has(Role.DEPARTMENT_HEAD);
	}

	public CaseView view(Application a) {
		List<CaseView.OpenRequest> open = requests.unanswered(a.id());
		int trips = this.trips.count(a.id());
		int maxTrips = catalog.matter(a.serviceCode(), a.matterVersion()).map(m -> m.definition().maxTrips()).orElse(0);
		return new CaseView(a.id(), a.reference(), a.serviceCode(), a.status(), a.dueDate(), a.clockStoppedOn() != null,
				a.submittedAt(), timeline.of(a.id()), open, a.decision(), a.certificateCode(), trips, maxTrips,
				trips > maxTrips, a.bundleId());
	}

	/**
	 * The view for the citizen: what happened to their application, without staff
	 * usernames or the department's internal steps (a proposed second supplement, a held
	 * rejection, deadline warnings).
	 */
	public CaseView citizenView(Application a) {
		CaseView full = view(a);
		List<CaseView.TimelineEntry> visible = full.timeline()
			.stream()
			.filter(e -> CITIZEN_KINDS.contains(e.kind()))
			.map(e -> new CaseView.TimelineEntry(e.at(), e.kind(), null, e.detail()))
			.toList();
		Application.Decision decision = a.decision() == null || a.status().open() ? null : a.decision().withoutStaff();
		return new CaseView(full.id(), full.reference(), full.serviceCode(), full.status(), full.dueDate(),
				full.clockStopped(), full.submittedAt(), visible, full.openRequests(), decision, full.certificateCode(),
				full.trips(), full.maxTrips(), full.tripsExceeded(), full.bundleId());
	}

	static final Set<String> CITIZEN_KINDS = Set.of("SUBMITTED", "ACCEPTED", "VALUE_DISPUTED", "SUPPLEMENT_REQUESTED",
			"SUPPLEMENT_ANSWERED", "CONSULTATION_ANSWERED", "FIELD_VISIT_REQUESTED", "FIELD_VISIT_REPORTED",
			"SUPERVISOR_INVITE_CONSULTATION", "APPROVED", "REJECTED", "CERTIFICATE_ISSUED", "WITHDRAWN",
			"TRIP_RECORDED", "TRIP_LIMIT_EXCEEDED", "CORRECTION_CORRECTED", "CORRECTION_DECLINED");

	/**
	 * A citizen's applications still being handled (submitted and not yet decided or
	 * withdrawn), newest first: what the assistant answers "where is my application?"
	 * with, and what a hotline agent sees of the citizen.
	 */
	public List<Application> openOf(String applicant) {
		return store.ofApplicant(applicant, 200).stream().filter(a -> a.status().open()).toList();
	}

	public List<Application> mine(OneStopUser citizen) {
		return store.ofApplicant(citizen.username(), 200)
			.stream()
			.filter(a -> MandateScope.covers(citizen, a))
			.toList();
	}

	/**
	 * The citizen answers an open request. A supplement's answer adds the missing values
	 * and documents, restarts the SLA clock (the due date moves by the working days the
	 * citizen had it) and sends the application back to where it was asked.
	 */
	@Transactional
	public Application answer(OneStopUser citizen, UUID id, UUID requestId, Map<String, String> fields,
			List<UUID> documentIds, String note) {
		Application a = store.lock(id)
			.filter(x -> x.applicant().equals(citizen.username()) && MandateScope.covers(citizen, x))
			.orElseThrow(() -> new NotFoundException("application.not-found"));
		String kind = requests.unansweredKind(requestId, id)
			.orElseThrow(() -> new NotFoundException("application.request.not-found"));
		if (!a.status().open()) {
			throw new ConflictException("application.request.closed");
		}
		boolean supplement = "SUPPLEMENT".equals(kind);
		if (!supplement && ((fields != null && !fields.isEmpty()) || (documentIds != null && !documentIds.isEmpty()))) {
			// A consultation is a conversation; the application's content changes only
			// through a supplement.
			throw new InvalidInputException("note", "application.consultation.note-only");
		}
		List<FieldProblem> problems = new ArrayList<>();
		FormDefinition form = forms.revision(a.serviceCode(), a.matterVersion(), a.formRevision())
			.orElseThrow()
			.definition();
		Map<String, String> merged = new LinkedHashMap<>(a.fields());
		Map<String, String> typed = fields == null ? Map.of() : fields;
		typed.forEach((name, value) -> {
			if (form.field(name).isEmpty()) {
				problems.add(new FieldProblem(name, "application.field.unknown", name));
			}
			else if (a.sources().containsKey(name) && !a.disputes().containsKey(name)) {
				problems.add(new FieldProblem(name, "application.field.prefilled"));
			}
			else if (value != null && !value.isBlank()) {
				merged.put(name, value.strip());
			}
		});
		problems.addAll(FieldRules.check(form, merged, false));
		List<UUID> added = drafts.checkedDocuments(citizen, documentIds, problems);
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > Submissions.MAX_EXPLANATION) {
			problems.add(new FieldProblem("note", "application.field.too-long"));
		}
		if ("SUPPLEMENT".equals(kind) && typed.isEmpty() && added.isEmpty() && cleanNote == null) {
			problems.add(new FieldProblem("note", "application.supplement.empty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<UUID> documents = new ArrayList<>(a.documentIds());
		added.stream().filter(d -> !documents.contains(d)).forEach(documents::add);
		store.saveContent(id, merged, a.sources(), a.disputes(), documents, a.explanation(), clock.instant());
		Map<String, Object> answer = new HashMap<>();
		answer.put("fields", typed.keySet());
		answer.put("documents", added);
		if (cleanNote != null) {
			answer.put("note", cleanNote);
		}
		requests.answer(requestId, answer, clock.instant());
		timeline.record(id, kind + "_ANSWERED", citizen.actor(),
				MandateScope.detail(citizen, Map.of("documents", added.size())));
		acting.record(citizen, "acting.what.answered", a);
		if ("SUPPLEMENT".equals(kind) && a.status() == Status.AWAITING_CITIZEN) {
			var due = a.clockStoppedOn() == null ? a.dueDate() : deadlines.restarted(a.dueDate(), a.clockStoppedOn());
			store.clockRestarted(id, due);
			variables.moveTimers(a.processInstanceId(), deadlines.overdueAt(due), deadlines.warnAt(due));
			workflow.resume(a.processInstanceId(), Step.AWAIT_SUPPLEMENT.id(), Map.of());
			caseStatus.refresh(id);
		}
		return store.find(id).orElseThrow();
	}

	/** The citizen withdraws an application that is not decided yet; its process ends. */
	@Transactional
	public Application withdraw(OneStopUser citizen, UUID id) {
		Application a = store.lock(id)
			.filter(x -> x.applicant().equals(citizen.username()) && MandateScope.covers(citizen, x))
			.orElseThrow(() -> new NotFoundException("application.not-found"));
		if (!a.status().open() && a.status() != Status.DRAFT) {
			throw new ConflictException("application.withdraw.decided");
		}
		if (a.processInstanceId() != null) {
			workflow.cancel(a.processInstanceId(), "withdrawn by the applicant");
		}
		store.status(id, Status.WITHDRAWN, clock.instant());
		closeRequests(id);
		timeline.record(id, "WITHDRAWN", citizen.actor(), MandateScope.detail(citizen, Map.of()));
		acting.record(citizen, "acting.what.withdrawn", a);
		return store.find(id).orElseThrow();
	}

	/**
	 * Records a counter visit for the application; exceeding the matter's maximum is
	 * flagged on the case.
	 */
	@Transactional
	public CaseView recordTrip(OneStopUser staff, UUID id, String hall, String purpose) {
		return recordTrip(staff, id, hall, purpose, null, null);
	}

	/**
	 * Records the counter visit of a completed ticket, once however often the completion
	 * is delivered (the trip is keyed by the ticket), at the time it was completed
	 * ({@code at}; now when null), however late the delivery.
	 */
	@Transactional
	CaseView recordTrip(OneStopUser staff, UUID id, String hall, String purpose, UUID ticket, Instant at) {
		Application a = readable(staff, id);
		if (!staff.has(Role.CLERK) && !staff.has(Role.REVIEWER) && !staff.has(Role.FIELD_OFFICER)) {
			throw new ForbiddenException("application.trip.forbidden");
		}
		if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
			throw new InvalidInputException("purpose", "application.trip.purpose.required");
		}
		if (!trips.record(id, at == null ? clock.instant() : at, hall == null ? null : hall.strip(), purpose.strip(),
				staff.username(), ticket)) {
			return view(a);
		}
		CaseView view = view(a);
		timeline.record(id, view.tripsExceeded() ? "TRIP_LIMIT_EXCEEDED" : "TRIP_RECORDED", staff.username(),
				Map.of("trips", view.trips(), "maxTrips", view.maxTrips()));
		return view(a);
	}

	/**
	 * Requests to the citizen end with the application: nothing stays open on a decided
	 * or withdrawn case.
	 */
	void closeRequests(UUID id) {
		requests.closeAll(id, clock.instant());
	}

}
